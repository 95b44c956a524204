import { Column, Entity, Generated, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast, synchronizeWithTypeorm } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// `rowid` is CockroachDB's generation strategy; on PostgreSQL, TypeORM makes such a column a serial.

@Entity('person')
class Person {
  @PrimaryGeneratedColumn('rowid') id: string
  @PrimaryColumn() @Generated('rowid') id2: string
  @Column({ generated: 'rowid' }) id4: string
}

describe('rowid generation on postgres', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createPostgresDatabase('rowid')
  })
  afterEach(async () => db?.drop())

  it('a database TypeORM synchronized matches the entities', async () => {
    await synchronizeWithTypeorm(db, [Person])
    expect(await pendingChanges(db, [Person])).toEqual([])
  })

  it('our migration makes serial columns, leaves nothing to change, and reverts', async () => {
    await migrateTo(db, [Person], 'People')
    expect(await pendingChanges(db, [Person])).toEqual([])
    await db.query(`INSERT INTO person DEFAULT VALUES`)
    expect(await db.query(`SELECT id, id2, id4 FROM person`)).toEqual([{ id: 1, id2: 1, id4: 1 }])
    await revertLast(db, [Person])
    expect(await pendingChanges(db, [])).toEqual([])
  })
})
