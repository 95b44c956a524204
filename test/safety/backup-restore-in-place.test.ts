import { spawnSync } from 'node:child_process'
import { copyFileSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { recordedMigrations } from '../support/database-state'
import { handMigration } from '../support/scratch-project'
import { afterDatabaseLine, runCliInProcess } from '../support/run-cli'
import { type TempProject, handMigrationsConfig, tempProject } from '../support/temp-project'
import { allDialects, mariadbServer, postgresServer, type TestDatabase } from '../support/test-database'

// The backup `upgrade --backup` wrote is what an operator restores when the upgrade went wrong: over the same
// database, with the commands README.md gives. Restored, the database is as it was before the upgrade: the rows
// the migration deleted back, the table it made gone and its record removed, so that `upgrade` runs it again.

const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8')

/** restoreInPlace runs the README's restore of `file` over `database`, and returns what the clients printed on stderr. */
function restoreInPlace(label: string, database: string, file: string): string {
  if (label === 'sqlite') {
    copyFileSync(file, database)
    return ''
  }
  if (label === 'postgres') {
    expect(readme).toContain('`pg_restore --clean --create --dbname=postgres <file>`')
    const env = { ...process.env, PGHOST: postgresServer.host, PGPORT: String(postgresServer.port), PGUSER: postgresServer.user }
    return spawnSync('pg_restore', ['--clean', '--create', '--dbname=postgres', file], { env, encoding: 'utf8' }).stderr
  }
  expect(readme).toContain("`mariadb -e 'DROP DATABASE <database>; CREATE DATABASE <database>'`, then `mariadb <database> < <file>`")
  const client = ['-h', mariadbServer.host, '-P', String(mariadbServer.port), '-u', mariadbServer.user]
  const emptied = spawnSync('mariadb', [...client, '-e', `DROP DATABASE ${database}; CREATE DATABASE ${database}`], { encoding: 'utf8' }).stderr
  return emptied + spawnSync('mariadb', [...client, database], { input: readFileSync(file), encoding: 'utf8' }).stderr
}

describe.each(allDialects('restore'))('on %s', (label, createDatabase) => {
  let db: TestDatabase
  let project: TempProject
  const cli = (args: string[]) => runCliInProcess(project.dir, args)
  beforeAll(async () => {
    db = await createDatabase()
    project = tempProject({
      'ormconfig.ts': handMigrationsConfig(db.options, ['item', 'tag']),
      'migrations/1700000000000-Items.ts': handMigration('Items1700000000000', ['CREATE TABLE item (id integer PRIMARY KEY, name varchar(40))'], ['DROP TABLE item']),
    })
    expect((await cli(['upgrade'])).code).toBe(0)
    await db.query("INSERT INTO item (id, name) VALUES (1, 'kept'), (2, 'deleted by the upgrade')")
    project.write('migrations/1700000001000-Tags.ts', handMigration('Tags1700000001000',
      ['CREATE TABLE tag (id integer PRIMARY KEY)', 'DELETE FROM item WHERE id = 2'], ['DROP TABLE tag']))
  })
  afterAll(async () => {
    project?.remove()
    await db?.drop()
  })

  it('restored over the database, takes it back to before the upgrade, which then runs again', async () => {
    const run = await cli(['upgrade', '--backup', 'before.bak'])
    expect(afterDatabaseLine(run.stdout)).toMatch(/^Backed up the database to .*before\.bak\nApplied Tags1700000001000/)
    expect(run.code).toBe(0)
    const database = (db.options as { database: string }).database
    expect(restoreInPlace(label, database, project.file('before.bak'))).toBe('')
    expect(await db.query('SELECT id, name FROM item ORDER BY id')).toEqual([{ id: 1, name: 'kept' }, { id: 2, name: 'deleted by the upgrade' }])
    expect((await recordedMigrations(db)).map((m) => m.name)).toEqual(['Items1700000000000'])
    const again = await cli(['upgrade'])
    expect(again.stderr).toBe('')
    expect(again.code).toBe(0)
    expect(await db.query('SELECT id FROM tag')).toEqual([])
  })
})
