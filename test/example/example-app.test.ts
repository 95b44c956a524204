import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCliInProcess } from '../support/run-cli'
import { exampleAppRoot as root } from '../support/example-app'
import { mariadbScratchDatabasesOf, mariadbUrl, postgresUrl, scratchDatabasesOf, unusedDatabaseName } from '../support/scratch-project'

// The repository's own example application: the schema its migrations build must match entities/, and every
// down must revert its up, so a missing migration fails CI. `check --from-migrations` checks both on a scratch
// database, exactly as the README tells users to, on the SQLite default (migrations/sqlite) and on
// PostgreSQL and MariaDB through DATABASE_URL (migrations/postgres, migrations/mysql), with no database prepared.

const folder = mkdtempSync(join(tmpdir(), 'autogen-example-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))
const target = unusedDatabaseName('example')

describe.each<[string, Record<string, string>]>([
  ['sqlite', { DATABASE_URL: '', AUTOGEN_SQLITE_FILE: join(folder, 'never-created.sqlite') }],
  ['postgres', { DATABASE_URL: postgresUrl(target) }],
  ['mariadb', { DATABASE_URL: mariadbUrl(target) }],
])('the example application on %s', (dialect, env) => {
  it('has a migration for every change of its entities, and every down reverts its up', async () => {
    const check = await runCliInProcess(root, ['check', '--from-migrations'], env)
    expect(check.stderr).toBe('')
    expect(check.stdout).toContain('OK: the migrations build the schema the entities declare.')
    expect(check.code).toBe(0)
    if (dialect === 'postgres') expect(await scratchDatabasesOf(target)).toEqual([])
    else if (dialect === 'mariadb') expect(await mariadbScratchDatabasesOf(target)).toEqual([])
    else expect(existsSync(env.AUTOGEN_SQLITE_FILE!)).toBe(false)
  }, 120_000)
})
