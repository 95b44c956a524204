import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, synchronizeWithTypeorm } from '../support/migration-cycle'
import { allDialects, type TestDatabase } from '../support/test-database'

// TypeORM puts a string default between quotes as it is, so its users double a quote themselves to have one
// (`default: "it''s"`, which TypeORM writes `'it''s'`: the text it's). The diff reads it as TypeORM writes it;
// only a default whose quotes TypeORM would leave undoubled (`"it's"`, refused by every database) is quoted anew.

@Entity('notes')
class Notes {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20, default: "it''s" }) doubled: string
  @Column({ type: 'varchar', length: 20, default: "it's" }) single: string
}

describe.each(allDialects('doubledquote'))('a default whose quote the entity doubles, on %s', (_name, createDatabase) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createDatabase()
  })
  afterEach(async () => db?.drop())

  it("is the text it's, as TypeORM's synchronize makes it", async () => {
    @Entity('notes')
    class DoubledOnly {
      @PrimaryGeneratedColumn() id: number
      @Column({ type: 'varchar', length: 20, default: "it''s" }) doubled: string
    }
    await synchronizeWithTypeorm(db, [DoubledOnly])
    expect(await pendingChanges(db, [DoubledOnly])).toEqual([])
  })

  it('gives every row the text the entity means', async () => {
    await migrateTo(db, [Notes], 'Notes')
    expect(await pendingChanges(db, [Notes])).toEqual([])
    await db.query('INSERT INTO notes (id) VALUES (1)')
    expect(await db.query('SELECT doubled, single FROM notes')).toEqual([{ doubled: "it's", single: "it's" }])
  })
})
