import { spawnSync } from 'node:child_process'
import { runBuiltCli, afterDatabaseLine } from '../support/run-cli'
import { createPostgresDatabase, postgresServer, type TestDatabase } from '../support/test-database'
import type { TempProject } from '../support/temp-project'
import { sqlDirectionProject } from '../support/sql-direction-project'

// `diff --format sql` is a script for one direction: piped into psql, `up` brings the database to the entities
// (check is then clean and prints nothing in sql format) and the `down` printed beside it brings it back.

let db: TestDatabase
let project: TempProject
beforeAll(async () => {
  db = await createPostgresDatabase('sqldir')
  await db.query('CREATE TABLE note (id serial PRIMARY KEY, text varchar NOT NULL, legacy varchar)')
  // legacy holds no value, so that the down script (which adds it back empty) restores the start exactly.
  await db.query(`INSERT INTO note (text, legacy) VALUES ('kept', NULL), ('also kept', NULL)`)
  project = sqlDirectionProject(db)
})
afterAll(async () => {
  project?.remove()
  await db?.drop()
})

const cli = (...args: string[]) => runBuiltCli(project.dir, args)

/** psql runs a script on the test database, stopping at the first error, as a user's pipe would, from a Latin-1 locale. */
function psql(script: string): void {
  const database = (db.options as { database: string }).database
  const run = spawnSync('psql', ['-h', postgresServer.host, '-p', String(postgresServer.port), '-U', postgresServer.user,
    '-d', database, '-v', 'ON_ERROR_STOP=1', '-q', '-X'], { input: script, encoding: 'utf8', env: { ...process.env, PGCLIENTENCODING: 'LATIN1' } })
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
}

it('prints up only; piped into psql it makes check clean, and --direction down restores the start', async () => {
  const before = cli('diff')
  const up = cli('diff', '--format', 'sql')
  const down = cli('diff', '--format', 'sql', '--direction', 'down')
  expect([up.code, down.code]).toEqual([0, 0])
  expect(up.stdout).toContain('CREATE TABLE "public"."tag"')
  expect(up.stdout).toContain('-- hazard DROP_COLUMN (danger)')
  expect(up.stdout).not.toContain('DROP TABLE "public"."tag"')
  expect(down.stdout).toContain('DROP TABLE "public"."tag"')
  expect(down.stdout).not.toContain('CREATE TABLE "public"."tag"')

  psql(up.stdout)
  const clean = cli('check', '--format', 'sql')
  expect({ ...clean, stderr: afterDatabaseLine(clean.stderr) }).toEqual({ code: 0, stdout: '', stderr: 'OK: the database matches the entities.\n' })
  const empty = cli('diff', '--format', 'sql')
  expect({ ...empty, stderr: afterDatabaseLine(empty.stderr) }).toEqual({ code: 0, stdout: '', stderr: '' })
  expect(await db.query('SELECT id, text, stars FROM note ORDER BY id')).toEqual([
    { id: 1, text: 'kept', stars: 0 }, { id: 2, text: 'also kept', stars: 0 },
  ])

  psql(down.stdout)
  expect(cli('diff')).toEqual(before)
  expect(await db.query('SELECT id, text FROM note ORDER BY id')).toEqual([{ id: 1, text: 'kept' }, { id: 2, text: 'also kept' }])
})

it('check --format sql prints the script of the missing change on stdout and the advice on stderr', () => {
  const run = cli('check', '--format', 'sql', '--direction', 'down')
  expect(run.code).toBe(1)
  expect(run.stdout).toContain('DROP TABLE "public"."tag"')
  expect(afterDatabaseLine(run.stderr)).toMatch(/^A migration is missing/)
})

it('shows down in text too when asked, and rejects a --direction the format cannot show', () => {
  const down = cli('diff', '--direction', 'down')
  expect(down.code).toBe(0)
  expect(down.stdout).toContain('\nDown SQL:\nALTER TABLE "public"."note" DROP COLUMN "stars";\n')
  expect(down.stdout).toContain('\nDROP TABLE "public"."tag";\n')
  expect(down.stdout).not.toContain('Up SQL:')
  const both = cli('check', '--direction', 'both')
  expect(both.code).toBe(1)
  expect(both.stdout.indexOf('\nUp SQL:\n')).toBeGreaterThan(0)
  expect(both.stdout.indexOf('\nDown SQL:\n')).toBeGreaterThan(both.stdout.indexOf('\nUp SQL:\n'))
  const rejected = [
    [['check', '--format', 'json', '--direction', 'up'], '--format json always holds both up and down: leave --direction out'],
    [['diff', '--format', 'sql', '--direction', 'both'], '--format sql prints one direction, a script to run: use --direction up or --direction down'],
  ] as const
  for (const [args, message] of rejected) {
    const run = cli(...args)
    expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' })
    expect(run.stderr).toBe(`typeorm-autogen: ${message} (see --help)\n`)
  }
})
