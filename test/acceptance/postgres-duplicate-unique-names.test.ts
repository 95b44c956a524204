import { EntitySchema } from 'typeorm'
import { migrateTo, pendingChanges, synchronizeWithTypeorm } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A `unique: true` column that a one-to-one joins on too (activepieces' flow.publishedVersionId) declares two uniques
// of one column, neither named by the user: TypeORM's synchronize sends both, and PostgreSQL's CREATE TABLE keeps the
// first, the column's UQ_. The migration made the one-to-one's REL_ (first by name), so a database made by synchronize
// and adopted with stamp, as README says, differed from the migrations by that name: check --drift exit 4 at once.

const Version = new EntitySchema<{ id: number }>({ name: 'version', columns: { id: { type: Number, primary: true } } })
const Flow = new EntitySchema<{ id: number; publishedVersionId: number | null }>({
  name: 'flow',
  columns: {
    id: { type: Number, primary: true },
    publishedVersionId: { type: Number, nullable: true, unique: true },
  },
  relations: {
    publishedVersion: { type: 'one-to-one', target: 'version', joinColumn: { name: 'publishedVersionId' } },
  } as never,
})

const uniquesOf = (db: TestDatabase) =>
  db.query("SELECT conname FROM pg_constraint WHERE conrelid = 'flow'::regclass AND contype = 'u' ORDER BY conname")

describe('postgres: two generated uniques of one column', () => {
  const dbs: TestDatabase[] = []
  afterEach(async () => {
    await Promise.all(dbs.splice(0).map((db) => db.drop()))
  })

  it('the migration makes the one TypeORM\'s synchronize leaves', async () => {
    const synchronized = await createPostgresDatabase('dupunique_sync')
    const migrated = await createPostgresDatabase('dupunique_mig')
    dbs.push(synchronized, migrated)
    await synchronizeWithTypeorm(synchronized, [Version, Flow])
    await migrateTo(migrated, [Version, Flow], 'Init')
    expect(await uniquesOf(migrated)).toEqual(await uniquesOf(synchronized))
    expect(await uniquesOf(migrated)).toEqual([{ conname: expect.stringMatching(/^UQ_/) }])
    expect(await pendingChanges(synchronized, [Version, Flow])).toEqual([])
  })
})
