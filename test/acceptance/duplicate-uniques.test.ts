import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn, Unique } from 'typeorm'
import { migrateTo, pendingChanges, revertLast, synchronizeWithTypeorm } from '../support/migration-cycle'
import { allDialects, type TestDatabase } from '../support/test-database'

// Two uniques declared on the same columns (a `unique: true` column beside a named @Unique of it, a one-to-one's
// own beside one of the user's) are one: the database may hold it under either name. PostgreSQL's CREATE TABLE
// keeps the first of such duplicates, often the generated name, where our migration makes the user's.

@Entity('publisher')
@Unique('publisher_name', ['name'])
class Publisher {
  @PrimaryGeneratedColumn() id: number
  @Column({ unique: true }) name: string
}

@Entity('profile')
@Unique('profile_member', ['member'])
class Profile {
  @PrimaryGeneratedColumn() id: number
  @OneToOne(() => Publisher) @JoinColumn() member: Publisher
}

describe.each(allDialects('dupuniques'))('%s: uniques declared twice on the same columns', (_label, createDatabase) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createDatabase()
  })
  afterEach(async () => db?.drop())

  it('finds nothing to change after TypeORM\'s synchronize', async () => {
    await synchronizeWithTypeorm(db, [Publisher, Profile])
    expect(await pendingChanges(db, [Publisher, Profile])).toEqual([])
  })

  it('makes one, and finds nothing to change after the migration', async () => {
    await migrateTo(db, [Publisher, Profile], 'Init')
    expect(await pendingChanges(db, [Publisher, Profile])).toEqual([])
    await revertLast(db, [Publisher, Profile])
  })
})
