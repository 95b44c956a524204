import type BetterSqlite3 from 'better-sqlite3'
import { requireDriver } from '../require-driver'

/**
 * openSqliteDatabase opens a better-sqlite3 database, requiring the driver only now: a command that never
 * opens a SQLite database (a PostgreSQL project, `--help`) never loads it.
 */
export function openSqliteDatabase(filename: string | Buffer, options?: BetterSqlite3.Options): BetterSqlite3.Database {
  const Database = requireDriver('better-sqlite3') as typeof BetterSqlite3
  return new Database(filename, options)
}
