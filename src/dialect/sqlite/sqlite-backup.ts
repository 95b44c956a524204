import { existsSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { openSqliteDatabase } from './sqlite-driver'
import type { DataSourceOptions } from 'typeorm'
import { sqliteDatabasePath } from './sqlite-connection'

/**
 * backupSqlite copies the database file through SQLite's online backup API, which gives a consistent copy
 * while other connections use the database. An in-memory database or a file not made yet has nothing to copy.
 */
export async function backupSqlite(options: DataSourceOptions, path: string): Promise<boolean> {
  const source = sqliteDatabasePath(options)
  if (source === ':memory:' || !existsSync(source)) return false
  const db = openSqliteDatabase(source, { readonly: true, fileMustExist: true })
  try {
    await db.backup(path)
    return true
  } finally {
    db.close()
  }
}

/** sqliteBackupName is `<database file>.<takenAt>.backup`, beside the database file. */
export function sqliteBackupName(options: DataSourceOptions, takenAt: string): { folder?: string; file: string } {
  const source = sqliteDatabasePath(options)
  if (source === ':memory:') return { file: `memory.${takenAt}.backup` }
  return { folder: dirname(source), file: `${basename(source)}.${takenAt}.backup` }
}
