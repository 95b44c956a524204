import { runCliInProcess } from '../support/run-cli'
import { exampleAppDatabases, exampleAppRoot as root } from '../support/example-app'
import type { TestDatabase } from '../support/test-database'

// The repository's own example application: a database built from its migrations must match entities/,
// so a missing migration fails CI. Runs the built CLI exactly as the README tells users to, on the SQLite
// default (migrations/sqlite) and on PostgreSQL through DATABASE_URL (migrations/postgres).

describe.each(exampleAppDatabases)('the example application on %s', (_label, setup) => {
  let db: TestDatabase
  let env: Record<string, string>
  beforeAll(async () => ({ db, env } = await setup()))
  afterAll(async () => db?.drop())

  it('has a migration for every change of its entities', async () => {
    const upgrade = await runCliInProcess(root, ['upgrade'], env)
    expect(upgrade.stderr).toBe('')
    expect(upgrade.code).toBe(0)
    const check = await runCliInProcess(root, ['check'], env)
    expect(check.stdout + check.stderr).toContain('OK: the database matches the entities.')
    expect(check.code).toBe(0)
  })

  it('reverts every migration back to a database with none of its tables', async () => {
    for (let i = 0; i < 100; i++) {
      const run = await runCliInProcess(root, ['downgrade'], env)
      expect(run.code).toBe(0)
      if (run.stdout.includes('Nothing to revert')) break
    }
    const diff = await runCliInProcess(root, ['diff', '--format', 'json'], env)
    const report = JSON.parse(diff.stdout) as { operations: { kind: string }[] }
    const creates = new Set(['create_table', 'add_foreign_key', 'create_enum', 'create_extension', 'create_schema', 'create_view'])
    expect(report.operations.filter((op) => !creates.has(op.kind))).toEqual([])
  })
})
