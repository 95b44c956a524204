import { spawnSync } from 'node:child_process'
import { runBuiltCli, afterDatabaseLine } from '../support/run-cli'
import { createMariaDbDatabase, mariadbServer, type TestDatabase } from '../support/test-database'
import type { TempProject } from '../support/temp-project'
import { sqlDirectionProject } from '../support/sql-direction-project'

// `diff --format sql` on MariaDB is a script the mysql client runs: `up` brings the database to the entities
// (check is then clean) and `--direction down` brings it back.

let db: TestDatabase
let project: TempProject
beforeAll(async () => {
  db = await createMariaDbDatabase('sqldir')
  await db.query('CREATE TABLE note (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, text varchar(255) NOT NULL, legacy varchar(255) NULL)')
  await db.query(`INSERT INTO note (text, legacy) VALUES ('kept', NULL), ('also kept', NULL)`)
  project = sqlDirectionProject(db)
})
afterAll(async () => {
  project?.remove()
  await db?.drop()
})

const cli = (...args: string[]) => runBuiltCli(project.dir, args)

/**
 * mysql runs a script on the test database with the server's own sql_mode, stopping at the first error, as a
 * client whose connection charset is latin1 (the mysql client's under LANG=C) does.
 */
function mysql(script: string): void {
  const database = (db.options as { database: string }).database
  const run = spawnSync('mysql', ['--default-character-set=latin1', '-h', mariadbServer.host, '-P', String(mariadbServer.port), '-u', mariadbServer.user, database],
    { input: script, encoding: 'utf8' })
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
}

it('prints up only; run by the mysql client it makes check clean, and --direction down restores the start', async () => {
  const before = cli('diff')
  const up = cli('diff', '--format', 'sql')
  const down = cli('diff', '--format', 'sql', '--direction', 'down')
  expect([up.code, down.code]).toEqual([0, 0])
  expect(up.stdout).toContain('CREATE TABLE IF NOT EXISTS `tag`')
  expect(up.stdout).not.toContain('DROP TABLE IF EXISTS `tag`')
  expect(down.stdout).toContain('DROP TABLE IF EXISTS `tag`')
  expect(down.stdout).not.toContain('CREATE TABLE IF NOT EXISTS `tag`')

  mysql(up.stdout)
  const clean = cli('check', '--format', 'sql')
  expect({ ...clean, stderr: afterDatabaseLine(clean.stderr) }).toEqual({ code: 0, stdout: '', stderr: 'OK: the database matches the entities.\n' })
  expect(await db.query('SELECT id, text, stars FROM note ORDER BY id')).toEqual([
    { id: 1, text: 'kept', stars: 0 }, { id: 2, text: 'also kept', stars: 0 },
  ])

  mysql(down.stdout)
  expect(cli('diff')).toEqual(before)
  expect(await db.query('SELECT id, text FROM note ORDER BY id')).toEqual([{ id: 1, text: 'kept' }, { id: 2, text: 'also kept' }])
})
