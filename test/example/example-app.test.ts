import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runBuiltCli } from '../support/run-cli'

// The repository's own example application: a database built from migrations/ must match entities/,
// so a missing migration fails CI. Runs the built CLI exactly as the README tells users to.

const root = resolve(__dirname, '../..')
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'autogen-example-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('has a migration for every change of its entities', () => {
  const env = { AUTOGEN_SQLITE_FILE: join(dir, 'app.sqlite'), DATABASE_URL: '' }
  const upgrade = runBuiltCli(root, ['upgrade'], env)
  expect(upgrade.stderr).toBe('')
  expect(upgrade.code).toBe(0)
  const check = runBuiltCli(root, ['check'], env)
  expect(check.stdout + check.stderr).toContain('OK: the database matches the entities.')
  expect(check.code).toBe(0)
})

it('reverts every migration back to an empty database', () => {
  const env = { AUTOGEN_SQLITE_FILE: join(dir, 'app.sqlite'), DATABASE_URL: '' }
  for (;;) {
    const run = runBuiltCli(root, ['downgrade'], env)
    expect(run.code).toBe(0)
    if (run.stdout.includes('Nothing to revert')) break
  }
  const check = runBuiltCli(root, ['diff', '--format', 'json'], env)
  const report = JSON.parse(check.stdout) as { operations: { kind: string }[] }
  expect(report.operations.filter((op) => op.kind !== 'create_table' && op.kind !== 'add_foreign_key')).toEqual([])
})
