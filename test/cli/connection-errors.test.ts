import * as fs from 'node:fs'
import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'

// Every command names the server, database and user when it cannot connect, in the same words, and never
// prints the password: generate, diff and check connect through the dialect, the others through TypeORM. On
// PostgreSQL and on MariaDB.

const commands = [['generate', 'Init'], ['diff'], ['check'], ['upgrade'], ['downgrade'], ['status']]

const entity = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column() text: string
}
`

function postgresConfig(port: number, database: string): string {
  return [
    "import { DataSource } from 'typeorm'",
    "import { Note } from './note'",
    'export default new DataSource({',
    `  type: 'postgres', host: '127.0.0.1', port: ${port}, username: 'postgres', password: 'pw-not-to-print', database: '${database}',`,
    "  entities: [Note], migrations: ['migrations/*.ts'],",
    '})',
  ].join('\n')
}

let project: TempProject
beforeEach(() => {
  project = tempProject({ 'note.ts': entity })
})
afterEach(() => project.remove())

function mariadbConfig(credentials: string): string {
  return [
    "import { DataSource } from 'typeorm'",
    "import { Note } from './note'",
    'export default new DataSource({',
    `  type: 'mariadb', ${credentials},`,
    "  entities: [Note], migrations: ['migrations/*.ts'],",
    '})',
  ].join('\n')
}

const sqliteConfig = [
  "import { DataSource } from 'typeorm'",
  "import * as path from 'node:path'",
  "import { Note } from './note'",
  "export default new DataSource({ type: 'better-sqlite3', database: path.join(__dirname, 'app.sqlite'), entities: [Note], migrations: ['migrations/*.ts'] })",
].join('\n')

async function expectConnectionError(args: readonly string[], target: string, reason: RegExp, type = 'postgres'): Promise<void> {
  const run = await runCliInProcess(project.dir, args)
  expect(run.code).toBe(2)
  const lines = run.stderr.trim().split('\n')
  expect(lines).toEqual([expect.stringContaining(`typeorm-autogen: ${type}: cannot connect to ${target}: `)])
  expect(lines[0]).toMatch(reason)
  expect(lines[0]).toMatch(/; check the DataSource's url or host, port, database and credentials$/)
  expect(run.stdout + run.stderr).not.toContain('pw-not-to-print')
}

it.each(commands)('%s names the server when nothing listens on its port', async (...args) => {
  project.write('ormconfig.ts', postgresConfig(1, 'app'))
  await expectConnectionError(args, '127.0.0.1:1/app as postgres', /ECONNREFUSED/)
})

it.each(commands)('%s names the database when it does not exist', async (...args) => {
  project.write('ormconfig.ts', postgresConfig(5432, 'autogen_no_such_database'))
  await expectConnectionError(args, '127.0.0.1:5432/autogen_no_such_database as postgres', /database "autogen_no_such_database" does not exist/)
})

// The config reads its url from an environment variable the app's entry point loads from .env, and this run lacks:
// pg falls back to its defaults, and the line says what is missing.
it.each([['check'], ['upgrade']])('%s says the DataSource names no server where its url is read from an unset environment variable', async (...args) => {
  project.write('ormconfig.ts', postgresConfig(5432, 'app').replace(/host: .*database: 'app',/, 'url: process.env.AUTOGEN_TEST_NEVER_SET,'))
  const run = await runCliInProcess(project.dir, args)
  expect(run.code).toBe(2)
  expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(
    /^typeorm-autogen: postgres: cannot connect to .*; the DataSource names no url, host, username or database: where the config reads them from process\.env, set the variables or load the \.env file in the config/,
  )])
})

describe('on mariadb', () => {
  it.each(commands)('%s names the server when nothing listens on its port', async (...args) => {
    project.write('ormconfig.ts', mariadbConfig("host: '127.0.0.1', port: 1, username: 'root', password: 'pw-not-to-print', database: 'app'"))
    await expectConnectionError(args, '127.0.0.1:1/app as root', /ECONNREFUSED/, 'mariadb')
  })

  it.each(commands)('%s names the database when it does not exist', async (...args) => {
    project.write('ormconfig.ts', mariadbConfig("host: '127.0.0.1', port: 3306, username: 'root', database: 'autogen_no_such_database'"))
    await expectConnectionError(args, '127.0.0.1:3306/autogen_no_such_database as root', /Unknown database 'autogen_no_such_database'/, 'mariadb')
  })

  it.each(commands)('%s names the user for a wrong password given in a url, never printing it', async (...args) => {
    project.write('ormconfig.ts', mariadbConfig("url: 'mariadb://root:pw-not-to-print@127.0.0.1:3306/mysql'"))
    await expectConnectionError(args, '127.0.0.1:3306/mysql as root', /Access denied for user 'root'/, 'mariadb')
  })

  // The config reads the database from an environment variable the app's entry point loads from .env, and this run lacks.
  it.each([['check'], ['diff'], ['generate', 'Init']])('%s says to set a database read from an unset environment variable, not to fix an entity', async (...args) => {
    project.write('ormconfig.ts', mariadbConfig("host: '127.0.0.1', port: 3306, username: 'root', database: process.env.AUTOGEN_TEST_NEVER_SET"))
    const run = await runCliInProcess(project.dir, args)
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^typeorm-autogen: .*Option "database" is not set.*; set that option of the DataSource \(where the config reads it from process\.env, set the variable or load the \.env file in the config/),
    ])
    expect(fs.existsSync(project.file('migrations'))).toBe(false)
  })
})

it.each([['upgrade'], ['downgrade'], ['status']])('%s says a migration file failed to load, not that the database failed to open', async (command) => {
  project.write('ormconfig.ts', sqliteConfig)
  project.write('migrations/1700000000000-Init.ts', "import { helper } from 'a-package-not-installed'\nexport class Init1700000000000 { async up() { helper() } async down() {} }\n")
  const run = await runCliInProcess(project.dir, [command])
  expect(run.code).toBe(2)
  expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^typeorm-autogen: .*Cannot find module 'a-package-not-installed'/)])
  expect(run.stderr).not.toMatch(/cannot open|check the DataSource's database path/)
})

// better-sqlite3 opens any file and finds it is no database only at the first statement: the commands that
// connect through TypeORM gave that statement's raw `SqliteError: file is not a database`, where generate, diff
// and check named the file and what to do.
const sqliteCommands = [...commands, ['current'], ['stamp', 'head'], ['upgrade', '--sql'], ['upgrade', '--dry-run']]
it.each(sqliteCommands.map((args) => [args.join(' '), args] as const))('%s names a SQLite file that is not a database', async (_command, args) => {
  project.write('ormconfig.ts', sqliteConfig)
  project.write('migrations/1700000000000-Init.ts', "export class Init1700000000000 { async up() {} async down() {} }\n")
  const text = 'notes kept as text, not a SQLite database\n'.repeat(20)
  project.write('app.sqlite', text)
  const run = await runCliInProcess(project.dir, args)
  expect(run.code).toBe(2)
  expect(run.stderr.trim().split('\n').filter((line) => !line.startsWith('Database: '))).toEqual([
    `typeorm-autogen: sqlite: cannot open "${project.file('app.sqlite')}": file is not a database; check the DataSource's database path: that file is not a SQLite database`,
  ])
  expect(fs.readFileSync(project.file('app.sqlite'), 'utf8')).toBe(text)
  // Nor is a lock file left beside it (upgrade and downgrade take one beside a database).
  expect(fs.readdirSync(project.dir).filter((f) => f.startsWith('app.sqlite'))).toEqual(['app.sqlite'])
})
