import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm'
import { migrateTo, pendingChanges, typeormProposes } from '../support/migration-cycle'
import { createSqliteDatabase, type TestDatabase } from '../support/test-database'

// TypeORM reads a SQLite unique's name from the CREATE TABLE text by taking the first `CONSTRAINT "x" UNIQUE (...)`
// whose columns all belong to the unique index it looks at: a unique on (first_name) written before one on
// (first_name, last_name) lends its name to both, and TypeORM's schema builder then rebuilds the table forever
// (TypeORM's issue 1780).

@Entity('user')
@Unique('unique_first_name', ['first_name'])
@Unique('unique_name_pair', ['first_name', 'last_name'])
class User {
  @PrimaryGeneratedColumn() id: number
  @Column({ length: 100 }) first_name: string
  @Column({ length: 100 }) last_name: string
}

describe('TypeORM after our migration of overlapping uniques on sqlite', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createSqliteDatabase()
  })
  afterAll(async () => db?.drop())

  it('proposes no query of its own', async () => {
    await migrateTo(db, [User], 'Users')
    expect(await pendingChanges(db, [User])).toEqual([])
    expect(await typeormProposes(db, [User])).toEqual([])
  })
})
