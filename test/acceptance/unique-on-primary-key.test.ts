import { Column, DataSource, Entity, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// A `@Unique` on exactly the primary key's columns (found in n8n's AuthIdentity): PostgreSQL and SQLite make
// one index for both in CREATE TABLE, so the unique never exists to be read back; it is the key's own, not a
// change to make on every run. In another order it is a unique of its own, and on SQLite a key that is the rowid
// (one `integer` column) has no index, so there a unique on it exists too.

@Entity('auth_identity')
@Unique(['providerId', 'providerType'])
class AuthIdentity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) providerId: string
  @PrimaryColumn({ type: 'varchar', length: 32 }) providerType: string
  @Column({ type: 'varchar', length: 64 }) userId: string
}

@Entity('pair_reversed')
@Unique(['b', 'a'])
class PairReversed {
  @PrimaryColumn({ type: 'int' }) a: number
  @PrimaryColumn({ type: 'int' }) b: number
}

@Entity('counter')
@Unique(['id'])
class Counter {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int', default: 0 }) value: number
}

const entities = [AuthIdentity, PairReversed, Counter]
const setups: [string, () => Promise<TestDatabase>][] = [
  ['postgres', () => createPostgresDatabase('pk_unique')],
  ['sqlite', createSqliteDatabase],
  ['mariadb', () => createMariaDbDatabase('pk_unique')],
]

describe.each(setups)('a unique on the primary key on %s', (_label, setup) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await setup()
  })
  afterEach(async () => db?.drop())

  it('is settled by the first migration, and down leaves no table', async () => {
    await migrateTo(db, entities, 'Create')
    expect(await pendingChanges(db, entities)).toEqual([])
    await revertLast(db, [])
    expect((await pendingChanges(db, entities)).filter((op) => op.kind === 'create_table')).toHaveLength(entities.length)
  })

  it('finds nothing to change on the database TypeORM synchronizes', async () => {
    const dataSource = new DataSource({ ...db.options, entities, logging: false } as never)
    await dataSource.initialize()
    try {
      await dataSource.synchronize()
    } finally {
      await dataSource.destroy()
    }
    expect(await pendingChanges(db, entities)).toEqual([])
  })
})
