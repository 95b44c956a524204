import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast, synchronizeWithTypeorm } from '../support/migration-cycle'
import { allDialects, type TestDatabase } from '../support/test-database'

// An `enum` option on a column of another type keeps the column's length: TypeORM makes `varchar(100)` on
// PostgreSQL with no CHECK, a `varchar` with a CHECK of the values on SQLite (MySQL's driver writes SQL the server
// refuses; we make the varchar).

@Entity('membership')
class Membership {
  @PrimaryGeneratedColumn() id: number
  @Column({ length: 100, enum: ['read', 'write', 'admin'] }) permission: string
  @Column({ type: 'varchar', length: 20, enum: ['a', 'b'], nullable: true }) level: string | null
}

describe.each(allDialects('enumvarchar'))('%s: an enum option on a varchar', (label, createDatabase) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createDatabase()
  })
  afterEach(async () => db?.drop())

  it('keeps its length, and finds nothing to change after the migration', async () => {
    const { source } = await migrateTo(db, [Membership], 'Membership')
    // SQLite keeps no length beside the CHECK (a NO_SCHEMA_EFFECT note says so).
    expect(source).toMatch(label === 'sqlite' ? /"permission" varchar CHECK\( "permission" IN \('read','write','admin'\) \)/ : /permission\W* varchar\(100\)/)
    expect(await pendingChanges(db, [Membership])).toEqual([])
    await db.query("INSERT INTO membership (permission) VALUES ('read')")
    await db.query('DELETE FROM membership')
    await revertLast(db, [Membership])
  })

  if (label !== 'mariadb') {
    it('finds nothing to change after TypeORM\'s synchronize', async () => {
      await synchronizeWithTypeorm(db, [Membership])
      expect(await pendingChanges(db, [Membership])).toEqual([])
    })
  }
})
