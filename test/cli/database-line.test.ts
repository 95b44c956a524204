import { existsSync } from 'node:fs'
import { runBuiltCli, runCliInProcess, withoutRunTimes } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { createMariaDbDatabase, createPostgresDatabase, type TestDatabase } from '../support/test-database'
import { mariadbAdminQuery } from '../support/scratch-project'

// generate, diff, check, upgrade and status say first which database they use: on stdout for text, on stderr
// when stdout carries SQL or JSON. Creating a SQLite file is said on its own line; a relative path read
// against another folder than the config's is warned about.

const entity = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column() text: string
}
`
const config = (options: string) => [
  "import { DataSource } from 'typeorm'",
  "import { Note } from './note'",
  `export default new DataSource({ ${options}, entities: [Note], migrations: ['migrations/*.ts'] })`,
].join('\n')

describe('on SQLite', () => {
  let project: TempProject
  let file: string
  beforeEach(() => {
    project = tempProject({ 'note.ts': entity, 'ormconfig.ts': config("type: 'better-sqlite3', database: 'data/app.sqlite'") })
    project.write('sub/.keep', '')
    file = project.file('data/app.sqlite')
  })
  afterEach(() => project.remove())
  const cli = (...args: string[]) => runCliInProcess(project.dir, args)

  it('names the file first, says when upgrade creates it, and the read-only commands create nothing', async () => {
    for (const args of [['diff'], ['check'], ['generate', 'Init', '--timestamp', '1700000000000']]) {
      const run = await cli(...args)
      expect(run.stdout.split('\n')[0]).toBe(`Database: sqlite ${file}`)
      expect(run.stdout).not.toContain('creating')
      expect(existsSync(file)).toBe(false)
    }
    const upgrade = await cli('upgrade')
    expect(upgrade.code).toBe(0)
    expect(withoutRunTimes(upgrade.stdout)).toBe(`Database: sqlite ${file}\ncreating new SQLite database ${file}\nApplied Init1700000000000\n`)
    expect((await cli('upgrade')).stdout).toBe(`Database: sqlite ${file}\nUp to date: no pending migrations.\n`)
    expect((await cli('status')).stdout.split('\n')[0]).toBe(`Database: sqlite ${file}`)
    expect(withoutRunTimes((await cli('downgrade')).stdout)).toBe(`Database: sqlite ${file}\nReverted Init1700000000000\n`)
  })

  it('the commands that only read the database, or say what a run would do, read a missing file as empty and create none', async () => {
    expect((await cli('status')).stdout).toBe(`Database: sqlite ${file}\nNo migrations.\n`)
    expect(existsSync(file)).toBe(false)
    expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
    const reads: { args: string[]; code: number; stdout: RegExp }[] = [
      { args: ['status'], code: 0, stdout: /\[pending\] Init1700000000000/ },
      { args: ['current'], code: 0, stdout: /^$/ },
      { args: ['history'], code: 0, stdout: /Init1700000000000/ },
      { args: ['show', 'Init'], code: 0, stdout: /CREATE TABLE "note"/ },
      { args: ['upgrade', '--sql'], code: 0, stdout: /CREATE TABLE "note"/ },
      { args: ['upgrade', '--dry-run'], code: 0, stdout: /Would apply Init1700000000000/ },
      { args: ['downgrade', '--dry-run'], code: 0, stdout: /Nothing to revert/ },
      { args: ['downgrade'], code: 0, stdout: /Nothing to revert/ },
      { args: ['downgrade', '--to', 'Init'], code: 2, stdout: /^Database: [^\n]*\n$/ },
      { args: ['stamp', 'Init', '--dry-run'], code: 1, stdout: /note/ },
      { args: ['stamp', 'Init'], code: 1, stdout: /note/ },
      { args: ['stamp', 'base'], code: 0, stdout: /Nothing to stamp/ },
      { args: ['stamp', '--delete', 'Init'], code: 2, stdout: /^Database: [^\n]*\n$/ },
      { args: ['check'], code: 1, stdout: /note/ },
      { args: ['check', '--drift'], code: 0, stdout: /^Database: / },
      // An upgrade that is refused creates nothing either.
      { args: ['upgrade', 'Nope'], code: 2, stdout: /^Database: [^\n]*\n$/ },
      { args: ['upgrade', '+2'], code: 2, stdout: /^Database: [^\n]*\n$/ },
    ]
    for (const { args, code, stdout } of reads) {
      const run = await cli(...args)
      expect({ args, code: run.code, creation: run.stdout.includes('creating new SQLite database') || run.stderr.includes('creating new SQLite database') })
        .toEqual({ args, code, creation: false })
      expect(run.stdout).toMatch(stdout)
      expect({ args, created: existsSync(file) }).toEqual({ args, created: false })
    }
    // A stamp that records creates the file, as upgrade does, and says so.
    const forced = await cli('stamp', 'Init', '--force')
    expect(forced.stdout).toBe(`Database: sqlite ${file}\ncreating new SQLite database ${file}\nStamped Init1700000000000 (recorded as applied, not run)\n`)
    expect((await cli('current')).stdout).toBe('Init1700000000000\n')
  })

  // Spawned: this is about the process's own pipes, as a user's `| jq` or `| psql` reads them.
  it('keeps stdout machine-readable: the line goes to stderr for --format json and sql', () => {
    const json = runBuiltCli(project.dir, ['diff', '--format', 'json'])
    expect(() => JSON.parse(json.stdout)).not.toThrow()
    expect(json.stderr.split('\n')[0]).toBe(`Database: sqlite ${file}`)
    const sql = runBuiltCli(project.dir, ['check', '--format', 'sql'])
    expect(sql.stdout).not.toContain('Database:')
    expect(sql.stdout).toMatch(/^CREATE TABLE "note"/)
    expect(sql.stderr.split('\n')[0]).toBe(`Database: sqlite ${file}`)
  })

  it('warns when run from a subfolder, where the relative path names another file', async () => {
    const run = await runCliInProcess(project.file('sub'), ['upgrade', '-c', '../ormconfig.ts'])
    const elsewhere = project.file('sub/data/app.sqlite')
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([`Database: sqlite ${elsewhere}`, `creating new SQLite database ${elsewhere}`])
    expect(run.stderr).toContain(
      `warning: DATABASE_PATH: the SQLite path data/app.sqlite is relative to the current folder ${project.file('sub')}, not to the config's folder ${project.dir}: ` +
      `run from ${project.dir} or make the path absolute`,
    )
    expect((await cli('status')).stderr).not.toContain('relative to the current folder')
  })

  it('leaves the warning out under --quiet and where autogen.ignore names it, as any warning', async () => {
    const quiet = await runCliInProcess(project.file('sub'), ['status', '-q', '-c', '../ormconfig.ts'])
    expect(quiet.stderr).not.toContain('DATABASE_PATH')
    project.write('ormconfig.ts', `${config("type: 'better-sqlite3', database: 'data/app.sqlite'")}\nexport const autogen = { ignore: ['DATABASE_PATH'] }`)
    const ignored = await runCliInProcess(project.file('sub'), ['status', '-c', '../ormconfig.ts'])
    expect(ignored.stderr).not.toContain('DATABASE_PATH')
    expect(ignored.stdout.split('\n')[0]).toBe(`Database: sqlite ${project.file('sub/data/app.sqlite')}`)
  })
})

describe('on PostgreSQL', () => {
  let db: TestDatabase
  let project: TempProject
  beforeAll(async () => {
    db = await createPostgresDatabase('dbline')
    const url = `postgres://postgres:pw-never-shown@127.0.0.1:5432/${String(db.options.database)}`
    project = tempProject({ 'note.ts': entity, 'ormconfig.ts': config(`type: 'postgres', url: ${JSON.stringify(url)}`) })
  })
  afterAll(async () => {
    project?.remove()
    await db?.drop()
  })

  it.each([['diff'], ['check'], ['generate', 'Init'], ['upgrade'], ['status']])('%s names host, port, database and user, never the password', async (...args) => {
    const run = await runCliInProcess(project.dir, args)
    expect(run.stdout.split('\n')[0]).toBe(`Database: postgres 127.0.0.1:5432/${String(db.options.database)} as postgres`)
    expect(run.stdout + run.stderr).not.toContain('pw-never-shown')
  })
})

describe('on MariaDB', () => {
  let db: TestDatabase
  let project: TempProject
  const user = `dbline_${process.pid}`
  beforeAll(async () => {
    db = await createMariaDbDatabase('dbline')
    await mariadbAdminQuery(`CREATE USER '${user}'@'%' IDENTIFIED BY 'pw-never-shown'`)
    await mariadbAdminQuery(`GRANT ALL ON \`${String(db.options.database)}\`.* TO '${user}'@'%'`)
    const url = `mariadb://${user}:pw-never-shown@127.0.0.1:3306/${String(db.options.database)}`
    project = tempProject({ 'note.ts': entity, 'ormconfig.ts': config(`type: 'mariadb', url: ${JSON.stringify(url)}`) })
  })
  afterAll(async () => {
    project?.remove()
    await mariadbAdminQuery(`DROP USER IF EXISTS '${user}'@'%'`)
    await db?.drop()
  })

  it.each([['diff'], ['check'], ['generate', 'Init'], ['upgrade'], ['status']])('%s names host, port, database and user, never the password', async (...args) => {
    const run = await runCliInProcess(project.dir, args)
    expect(run.stdout.split('\n')[0]).toBe(`Database: mariadb 127.0.0.1:3306/${String(db.options.database)} as ${user}`)
    expect(run.stdout + run.stderr).not.toContain('pw-never-shown')
  })
})
