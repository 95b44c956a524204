import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, synchronizeWithTypeorm } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// A unique index declared with a WHERE (TypeORM's way to a partial unique index, from one of its bug reports):
// MySQL has no partial indexes, so the server makes a unique key over every row, which is read back as a unique
// constraint. The entity's index was compared as an index, and every check asked to drop and add it again.

@Entity('example')
@Index(['nonNullable', 'nullable'], { unique: true, where: '"nullable" IS NOT NULL' })
class Example {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'text' }) nonNullable: string
  @Column({ type: 'text', nullable: true }) nullable: string | null
  @Column({ type: 'varchar', length: 20 }) code: string
  @Column({ type: 'varchar', length: 20, nullable: true }) variant: string | null
}

@Entity('example')
@Index(['nonNullable', 'nullable'], { unique: true, where: '"nullable" IS NOT NULL' })
@Index(['code', 'variant'], { unique: true, where: 'variant IS NOT NULL' })
class ExampleWithSecondIndex {
  @PrimaryGeneratedColumn('uuid') id: string
  @Column({ type: 'text' }) nonNullable: string
  @Column({ type: 'text', nullable: true }) nullable: string | null
  @Column({ type: 'varchar', length: 20 }) code: string
  @Column({ type: 'varchar', length: 20, nullable: true }) variant: string | null
}

let db: TestDatabase
beforeEach(async () => {
  db = await createMariaDbDatabase('partialunique')
})
afterEach(async () => db?.drop())

it('finds nothing to change after the migration that made it, nor after one that adds another', async () => {
  await migrateTo(db, [Example], 'Init')
  expect(await pendingChanges(db, [Example])).toEqual([])
  const { up } = await migrateTo(db, [ExampleWithSecondIndex], 'SecondIndex')
  expect(up.map((op) => op.kind)).toEqual(['add_unique'])
  expect(await pendingChanges(db, [ExampleWithSecondIndex])).toEqual([])
})

it("finds nothing to change after TypeORM's synchronize", async () => {
  await synchronizeWithTypeorm(db, [ExampleWithSecondIndex])
  expect(await pendingChanges(db, [ExampleWithSecondIndex])).toEqual([])
})
