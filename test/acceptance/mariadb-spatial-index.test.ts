import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast, synchronizeWithTypeorm } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// A spatial index is MySQL's SPATIAL INDEX, as TypeORM makes it: compared, created and dropped with its table.

let db: TestDatabase
beforeEach(async () => {
  db = await createMariaDbDatabase('spatialindex')
})
afterEach(async () => db?.drop())

@Entity('place')
class Place {
  @PrimaryGeneratedColumn() id: number
  @Index({ spatial: true }) @Column({ type: 'point' }) location: string
}

it('makes a spatial index, and finds nothing to change after', async () => {
  const { source } = await migrateTo(db, [Place], 'Place')
  expect(source).toMatch(/SPATIAL INDEX \\`IDX_\w+\\` \(\\`location\\`\)/)
  expect(await pendingChanges(db, [Place])).toEqual([])
  const keys = await db.query<{ INDEX_TYPE: string }>("SELECT INDEX_TYPE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'place' AND INDEX_NAME <> 'PRIMARY'")
  expect(keys).toEqual([{ INDEX_TYPE: 'SPATIAL' }])
  await revertLast(db, [Place])
})

it('finds nothing to change after TypeORM\'s synchronize', async () => {
  await synchronizeWithTypeorm(db, [Place])
  expect(await pendingChanges(db, [Place])).toEqual([])
})
