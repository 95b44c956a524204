import { rmSync } from 'node:fs'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { type EntityList, migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'
import * as v from './expand-contract-entities'

// A column a database view reads stays in place under expand and contract: contract could neither drop the old
// column under the view (PostgreSQL refuses: other objects depend on it) nor point the view at the new one.
// Found on Podverse, whose materialized view episodes_most_recent selects e.* from episodes.
describe('postgres: expand and contract of a column a view reads', () => {
  let db: TestDatabase
  let clock = 1_820_000_000_000
  beforeAll(async () => {
    db = await createPostgresDatabase('viewreadsmoved')
    await migrateTo(db, [v.PostV1], 'Init')
    await db.query(`INSERT INTO post (title, body, score) VALUES ('one', 'first', '10'), ('two', 'second', '20')`)
    await db.query('CREATE VIEW post_bodies AS SELECT id, body FROM post')
    await db.query('CREATE MATERIALIZED VIEW post_scores AS SELECT id, score FROM post')
  })
  afterAll(async () => db?.drop())

  async function inPlace(after: EntityList, renames: string[], reader: string, rowsQuery: string): Promise<void> {
    clock += 1000
    const result = await generateMigration(projectFor(db, after), 'Change', clock, { strategy: 'expand-contract', renames: parseRenameFlags(renames) })
    expect(result.plan.phase).toBeUndefined()
    expect(result.plan.warnings.filter((w) => w.code === 'KEPT_IN_PLACE').map((w) => w.message)).toEqual([expect.stringContaining(`stays in place: ${reader} reads it`)])
    const rows = await db.query(rowsQuery)
    expect(await upgrade(projectFor(db, after))).toEqual([`Change${clock}`])
    expect(await pendingChanges(db, after)).toEqual([])
    expect((await db.query(rowsQuery)).map((row: Record<string, unknown>) => Object.values(row).map(String))).toEqual(
      rows.map((row: Record<string, unknown>) => Object.values(row).map(String)))
    await revertLast(db, after)
    expect(await pendingChanges(db, [v.PostV1])).toEqual([])
    expect(await db.query(rowsQuery)).toEqual(rows)
    rmSync(result.file!)
  }

  it('renames body, which a view reads, in place', async () => {
    await inPlace([v.PostContent], ['post.body=content'], 'view "public"."post_bodies"', 'SELECT id, body FROM post_bodies ORDER BY id')
  })

  it('changes the type of score, which a materialized view reads, in place', async () => {
    await inPlace([v.PostScore], [], 'materialized view "public"."post_scores"', 'SELECT id, score FROM post_scores ORDER BY id')
  })
})
