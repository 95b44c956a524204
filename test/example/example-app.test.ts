import { resolve } from 'node:path'
import { runBuiltCli } from '../support/run-cli'
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// The repository's own example application: a database built from its migrations must match entities/,
// so a missing migration fails CI. Runs the built CLI exactly as the README tells users to, on the SQLite
// default (migrations/sqlite) and on PostgreSQL through DATABASE_URL (migrations/postgres).

const root = resolve(__dirname, '../..')

const setups: [string, () => Promise<{ db: TestDatabase; env: Record<string, string> }>][] = [
  ['sqlite', async () => {
    const db = await createSqliteDatabase()
    return { db, env: { DATABASE_URL: '', AUTOGEN_SQLITE_FILE: (db.options as { database: string }).database } }
  }],
  ['postgres', async () => {
    const db = await createPostgresDatabase('example')
    const { host, port, username, database } = db.options as { host: string; port: number; username: string; database: string }
    return { db, env: { DATABASE_URL: `postgres://${username}@${host}:${port}/${database}` } }
  }],
]

describe.each(setups)('the example application on %s', (_label, setup) => {
  let db: TestDatabase
  let env: Record<string, string>
  beforeAll(async () => ({ db, env } = await setup()))
  afterAll(async () => db?.drop())

  it('has a migration for every change of its entities', () => {
    const upgrade = runBuiltCli(root, ['upgrade'], env)
    expect(upgrade.stderr).toBe('')
    expect(upgrade.code).toBe(0)
    const check = runBuiltCli(root, ['check'], env)
    expect(check.stdout + check.stderr).toContain('OK: the database matches the entities.')
    expect(check.code).toBe(0)
  })

  it('reverts every migration back to a database with none of its tables', () => {
    for (let i = 0; i < 100; i++) {
      const run = runBuiltCli(root, ['downgrade'], env)
      expect(run.code).toBe(0)
      if (run.stdout.includes('Nothing to revert')) break
    }
    const diff = runBuiltCli(root, ['diff', '--format', 'json'], env)
    const report = JSON.parse(diff.stdout) as { operations: { kind: string }[] }
    const creates = new Set(['create_table', 'add_foreign_key', 'create_enum', 'create_extension', 'create_schema', 'create_view'])
    expect(report.operations.filter((op) => !creates.has(op.kind))).toEqual([])
  })
})
