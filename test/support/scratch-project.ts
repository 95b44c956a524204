import { createConnection } from 'mysql2/promise'
import { Client } from 'pg'
import { createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase, mariadbServer, postgresServer, type TestDatabase } from './test-database'
import { type CliRun, runCliInProcess } from './run-cli'
import { type TempProject, tempProject } from './temp-project'

// A small project for the scratch-database modes: one entity, its DataSource on SQLite (a file that is never
// created unless SQLITE_FILE names another) or, when DATABASE_URL is set, on PostgreSQL (on MariaDB for a
// mariadb:// url).

export const noteEntity = (extraColumn = '') => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column() text: string
  ${extraColumn}
}
`

const config = `
import { DataSource } from 'typeorm'
import { Note } from './note'
const common = { entities: [Note], migrations: ['migrations/*.ts'] }
const url = process.env.DATABASE_URL
export default new DataSource(url?.startsWith('mariadb://') ? { type: 'mariadb', url, ...common }
  : url ? { type: 'postgres', url, ...common }
  : { type: 'better-sqlite3', database: process.env.SQLITE_FILE ?? 'data/app.sqlite', ...common })
`

/** scratchProject is a project with the Note entity and no migrations yet. */
export function scratchProject(): TempProject {
  return tempProject({ 'note.ts': noteEntity(), 'ormconfig.ts': config })
}

/**
 * noteMigrations gives the Note entity each extra column in turn, and generates and upgrades a migration for each:
 * the first named `Init` at 1700000000000, the next with the names given, a second apart.
 */
export async function noteMigrations(
  project: TempProject, cli: (...args: string[]) => Promise<{ code: number }>, columns: readonly string[], names: readonly string[],
): Promise<void> {
  for (const [i, column] of columns.entries()) {
    project.write('note.ts', noteEntity(column))
    expect((await cli('generate', i === 0 ? 'Init' : names[i - 1]!, '--timestamp', String(1700000000000 + i * 1000))).code).toBe(0)
    expect((await cli('upgrade')).code).toBe(0)
  }
}

/** ScratchDatabase is a new database of one kind, with the DATABASE_URL (or SQLITE_FILE) the scratch project's DataSource reads. */
export type ScratchDatabase = () => Promise<{ db: TestDatabase; env: NodeJS.ProcessEnv }>

/** scratchDatabases are one ScratchDatabase of each kind, by label, named after `purpose` on the servers. */
export function scratchDatabases(purpose: string): Array<[string, ScratchDatabase]> {
  return [
    ['sqlite', async () => {
      const db = await createSqliteDatabase()
      return { db, env: { DATABASE_URL: '', SQLITE_FILE: (db.options as { database: string }).database } }
    }],
    ['postgres', async () => {
      const db = await createPostgresDatabase(purpose)
      return { db, env: { DATABASE_URL: postgresUrl(String(db.options.database)) } }
    }],
    ['mariadb', async () => {
      const db = await createMariaDbDatabase(purpose)
      return { db, env: { DATABASE_URL: mariadbUrl(String(db.options.database)) } }
    }],
  ]
}

/** NoteHistory is a scratch project whose noteMigrations are applied to a new database, and the CLI run there. */
export interface NoteHistory {
  readonly db: TestDatabase
  readonly cli: (...args: string[]) => Promise<CliRun>
}

/**
 * noteHistory registers, in the describe that calls it, the set-up of a scratch project on a database of `create`
 * with noteMigrations applied (then `seed`), and its removal after; its fields are there once the set-up ran.
 */
export function noteHistory(create: ScratchDatabase, columns: readonly string[], names: readonly string[], seed = ''): NoteHistory {
  let project: TempProject
  let db: TestDatabase
  let env: NodeJS.ProcessEnv
  const cli = (...args: string[]) => runCliInProcess(project.dir, args, env)
  beforeAll(async () => {
    ({ db, env } = await create())
    project = scratchProject()
    await noteMigrations(project, cli, columns, names)
    if (seed !== '') await db.query(seed)
  })
  afterAll(async () => {
    project.remove()
    await db.drop()
  })
  return { get db() { return db }, cli }
}

/** handMigration is a migration class running `up` and `down` statements as written. */
export const handMigration = (name: string, up: readonly string[], down: readonly string[]) => `
import { MigrationInterface, QueryRunner } from 'typeorm'
export class ${name} implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> { for (const s of ${JSON.stringify(up)}) await q.query(s) }
  async down(q: QueryRunner): Promise<void> { for (const s of ${JSON.stringify(down)}) await q.query(s) }
}
`

/** unusedDatabaseName is a name no database on the local server has: the target a CI run never prepared. */
export function unusedDatabaseName(prefix: string): string {
  return `autogen_${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
}

/** postgresUrl is the local server's URL for `database`, as `user`. */
export function postgresUrl(database: string, user = postgresServer.user): string {
  return `postgres://${user}@${postgresServer.host}:${postgresServer.port}/${database}`
}

/** mariadbUrl is the local MariaDB server's URL for `database`. */
export function mariadbUrl(database: string): string {
  return `mariadb://${mariadbServer.user}@${mariadbServer.host}:${mariadbServer.port}/${database}`
}

/** mariadbScratchDatabasesOf lists the databases on the local MariaDB server named as scratch databases of `target`. */
export async function mariadbScratchDatabasesOf(target: string): Promise<string[]> {
  const rows = await mariadbAdminQuery<{ name: string }>(`SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?`, [`${target}\\_autogen\\_%`])
  return rows.map((r) => r.name)
}

/** mariadbAdminQuery runs one statement on the local MariaDB server, in no database, as root. */
export async function mariadbAdminQuery<Row = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
  const connection = await createConnection(mariadbServer)
  try {
    return (await connection.query(sql, params))[0] as Row[]
  } finally {
    await connection.end()
  }
}

/** scratchDatabasesOf lists the databases on the local server named as scratch databases of `target`. */
export async function scratchDatabasesOf(target: string): Promise<string[]> {
  const rows = await adminQuery<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${target}\\_autogen\\_%`])
  return rows.map((r) => r.datname)
}

/** adminQuery runs one statement on the local server's `postgres` database as its superuser. */
export async function adminQuery<Row = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new Client({ ...postgresServer, database: 'postgres' })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows as Row[]
  } finally {
    await client.end()
  }
}
