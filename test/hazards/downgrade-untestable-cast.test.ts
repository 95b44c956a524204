import { runCliInProcess } from '../support/run-cli'
import { noteMigrations, postgresUrl, scratchProject } from '../support/scratch-project'
import type { TempProject } from '../support/temp-project'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A down that converts varchar back to json: before PostgreSQL 16 (no pg_input_is_valid) no value can be tested
// for it, but a column with no value cannot fail, and downgrade says so by saying nothing of it.

const asJson = "@Column({ type: 'json', nullable: true }) link: unknown"
const asText = "@Column({ type: 'varchar', nullable: true }) link: string | null"

describe('postgres: downgrade of a cast it cannot test for the values', () => {
  let project: TempProject
  let db: TestDatabase
  let env: NodeJS.ProcessEnv
  const cli = (...args: string[]) => runCliInProcess(project.dir, args, env)
  beforeAll(async () => {
    db = await createPostgresDatabase('downgrade_untestable_cast')
    env = { DATABASE_URL: postgresUrl(String(db.options.database)) }
    project = scratchProject()
    await noteMigrations(project, cli, [asJson, asText], ['AsText'])
  })
  afterAll(async () => {
    project.remove()
    await db.drop()
  })

  it('warns of nothing where the column holds no value', async () => {
    await db.query("INSERT INTO note (text, link) VALUES ('a', NULL)")
    const run = await cli('downgrade', '--dry-run')
    expect(run.stderr).not.toContain(' down: ')
    expect(run.stderr).not.toContain('Counted on this database now')
    expect(run.code).toBe(0)
  })

  it('warns where a value stands in the way', async () => {
    await db.query("INSERT INTO note (text, link) VALUES ('b', 'not json')")
    const run = await cli('downgrade', '--dry-run')
    expect(run.stderr).toMatch(/warning: AsText1700000001000 down: TYPE_CAST_MAY_FAIL \(danger\): Changes "public"\."note"\."link" from varchar to json/)
    expect(run.code).not.toBe(0)
  })
})
