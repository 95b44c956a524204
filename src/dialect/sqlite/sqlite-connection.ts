import { existsSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import type Database from 'better-sqlite3'
import { openSqliteDatabase } from './sqlite-driver'
import type { DataSourceOptions } from 'typeorm'
import type { DatabaseConnection, DatabaseTarget } from '../dialect'

/** SQLITE_TYPEORM_TYPES are the DataSource `type`s the SQLite dialect serves. */
export const SQLITE_TYPEORM_TYPES: readonly string[] = ['better-sqlite3', 'sqlite']

/** BUSY_TIMEOUT_MS bounds how long opening waits on a database another process holds locked. */
const BUSY_TIMEOUT_MS = 2000

/**
 * connectSqlite opens the DataSource's database file read-only, so that introspection can never change it.
 * A file that does not exist yet is an empty database: an in-memory one is opened and nothing is created.
 */
export async function connectSqlite(options: DataSourceOptions): Promise<DatabaseConnection> {
  if (!SQLITE_TYPEORM_TYPES.includes(options.type)) {
    throw new Error(`sqlite: cannot serve a DataSource of type "${options.type}"`)
  }
  const database = databaseOption(options)
  const path = databasePath(database)
  const empty = path === ':memory:' || !existsSync(path)
  try {
    const db = empty ? openSqliteDatabase(':memory:') : openSqliteDatabase(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS })
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get()
    } catch (err) {
      db.close()
      throw err
    }
    return sqliteConnectionOn(db)
  } catch (err) {
    throw sqliteConnectionError(options, err)
  }
}

/** sqliteConnectionError is the error for a database file that could not be opened, with what to do about it. */
export function sqliteConnectionError(options: DataSourceOptions, err: unknown): Error {
  // Not `instanceof Error`: better-sqlite3's errors may come from another realm (a test runner's).
  const message = typeof (err as { message?: unknown } | undefined)?.message === 'string' ? (err as Error).message : String(err)
  return new Error(`sqlite: cannot open "${(options as { database?: unknown }).database}": ${message}; ${adviceFor(err)}`, { cause: err })
}

/**
 * describeSqliteTarget is `sqlite <absolute path>`; it says when the file does not exist yet (a command that
 * writes creates it) and warns when a relative path is read against none of the `expectedFolders` (the
 * config's first): the user ran from another folder and would use, or create, another database.
 */
export function describeSqliteTarget(options: DataSourceOptions, expectedFolders: readonly string[]): DatabaseTarget {
  const database = databaseOption(options)
  const path = databasePath(database)
  const relative = path !== ':memory:' && !isAbsolute(database)
  const configDir = expectedFolders[0]
  const elsewhere = relative && configDir !== undefined && !expectedFolders.includes(process.cwd())
  return {
    description: `sqlite ${path}`,
    ...(path !== ':memory:' && !existsSync(path) && { creation: `creating new SQLite database ${path}` }),
    warnings: elsewhere
      ? [`the SQLite path ${database} is relative to the current folder ${process.cwd()}, not to the config's folder ${configDir}: run from ${configDir} or make the path absolute`]
      : [],
  }
}

/** sqliteAbsentDatabaseStandIn opens an in-memory database in place of a database file that does not exist yet (see Dialect.absentDatabaseStandIn). */
export function sqliteAbsentDatabaseStandIn(options: DataSourceOptions): Readonly<Record<string, unknown>> | undefined {
  const path = databasePath(databaseOption(options))
  return path === ':memory:' || existsSync(path) ? undefined : { database: ':memory:' }
}

/** sqliteDatabasePath is the absolute path of the DataSource's database file, or `:memory:`. */
export function sqliteDatabasePath(options: DataSourceOptions): string {
  return databasePath(databaseOption(options))
}

function databaseOption(options: DataSourceOptions): string {
  const database: unknown = (options as { database?: unknown }).database
  if (typeof database !== 'string' || database === '') {
    throw new Error('sqlite: the DataSource option "database" must be a file path or ":memory:"')
  }
  return database
}

/** databasePath is where the file is: a relative path is read against the working directory, as TypeORM does. */
function databasePath(database: string): string {
  return database === ':memory:' ? database : resolve(process.cwd(), database)
}

function adviceFor(err: unknown): string {
  switch ((err as { code?: string }).code) {
    case 'SQLITE_BUSY':
      return 'another connection holds a write lock on it: run again once it is released'
    case 'SQLITE_NOTADB':
      return "check the DataSource's database path: that file is not a SQLite database"
    default:
      return "check the DataSource's database path and the file's permissions"
  }
}

/** sqliteConnectionOn reads through an open better-sqlite3 handle, and closes it with the connection. */
export function sqliteConnectionOn(db: Database.Database): DatabaseConnection {
  return new SqliteConnection(db)
}

/** SqliteConnection runs statements on one better-sqlite3 handle; queryCount counts the `query` calls. */
class SqliteConnection implements DatabaseConnection {
  private count = 0

  constructor(private readonly db: Database.Database) {}

  get queryCount(): number {
    return this.count
  }

  async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    this.count++
    try {
      const statement = this.db.prepare(sql)
      if (statement.reader) return statement.all(...params) as Row[]
      statement.run(...params)
      return []
    } catch (err) {
      throw new Error(`sqlite: query failed: ${sql.split('\n')[0]}: ${(err as Error).message}`, { cause: err })
    }
  }

  async close(): Promise<void> {
    this.db.close()
  }
}
