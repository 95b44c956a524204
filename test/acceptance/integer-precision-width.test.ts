import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { mariadbSchemaDump } from '../support/mariadb-schema-dump'
import { migrateTo, pendingChanges, synchronizeWithTypeorm } from '../support/migration-cycle'
import { sqliteCatalog } from '../support/sqlite-catalog'
import { createMariaDbDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// An integer column given a precision (`type: 'tinyint', precision: 1`, as Standard Notes declares its
// boolean flags): TypeORM writes it as the type's parameter, tinyint(1) and int(5), as it writes a length. On
// SQLite that parameter reads back as a length, and check found tinyint(1) -> tinyint(1) to change forever, after
// synchronize and after our own migration alike; on MariaDB our migration wrote tinyint, which the server
// shows as tinyint(4), not TypeORM's tinyint(1) (found on a real project).

@Entity('items')
class Item {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'tinyint', precision: 1, nullable: true, default: 0 }) deleted: boolean
  @Column({ type: 'int', precision: 5 }) size: number
}

/** Other integer display widths are dropped on MySQL and MariaDB (README, Types): int(5) is made int, shown int(11). */
const withoutIntWidths = async (db: TestDatabase) => (await mariadbSchemaDump(db)).replace(/\b((?:small|medium|big)?int)\(\d+\)/g, '$1')

const setups = [
  ['sqlite', () => createSqliteDatabase(), sqliteCatalog],
  ['mariadb', () => createMariaDbDatabase('intwidth'), withoutIntWidths],
] as const

describe.each(setups)('an integer column with a precision on %s', (_label, create, dump) => {
  let synchronized: TestDatabase
  let migrated: TestDatabase
  beforeAll(async () => {
    synchronized = await create()
    migrated = await create()
  })
  afterAll(async () => {
    await synchronized.drop()
    await migrated.drop()
  })

  it('is no change after TypeORM\'s synchronize', async () => {
    await synchronizeWithTypeorm(synchronized, [Item])
    expect(await pendingChanges(synchronized, [Item])).toEqual([])
  })

  it('is created as synchronize creates it, and no change after', async () => {
    await migrateTo(migrated, [Item], 'Init')
    expect(await pendingChanges(migrated, [Item])).toEqual([])
    expect(await dump(migrated)).toEqual(await dump(synchronized))
  })
})
