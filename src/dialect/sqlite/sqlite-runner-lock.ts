import { closeSync, mkdirSync, openSync, readSync } from 'node:fs'
import { dirname } from 'node:path'
import { openSqliteDatabase } from './sqlite-driver'
import type Database from 'better-sqlite3'
import type { DataSourceOptions } from 'typeorm'
import type { RunnerLock } from '../dialect'
import { runnerLockTimeout } from '../runner-lock-timeout'
import { sqliteDatabasePath } from './sqlite-connection'

/** LONGEST_WAIT_MS is SQLite's busy timeout when the wait has no limit (its largest value, about 24 days). */
const LONGEST_WAIT_MS = 2 ** 31 - 1

/**
 * lockSqliteRunner holds an exclusive transaction on a lock file beside the database (`app.sqlite-migrations-lock`,
 * itself an empty SQLite database) for the run. Not on the database itself: TypeORM's one connection must
 * write there. SQLite's file locks are the operating system's, so a crashed run gives the lock up. The file
 * stays: removing it would let a run waiting on the old file and one creating a new file both hold a lock.
 * An in-memory database belongs to one process and needs no lock, and a file that is not a SQLite database gets
 * none either: the connection that follows refuses it, and the lock file would be left beside it.
 */
export async function lockSqliteRunner(options: DataSourceOptions, table: string, waitMs: number | undefined, onWaiting?: () => void): Promise<RunnerLock> {
  const path = sqliteDatabasePath(options)
  if (path === ':memory:' || !databaseOrNothing(path)) return { waited: false, release: async () => undefined }
  mkdirSync(dirname(path), { recursive: true })
  const lock = openSqliteDatabase(`${path}-${table}-lock`, { timeout: 0 })
  try {
    const waited = !tryExclusive(lock)
    if (waited) {
      if (waitMs === 0) throw runnerLockTimeout(0)
      onWaiting?.()
      lock.pragma(`busy_timeout = ${Math.min(LONGEST_WAIT_MS, Math.ceil(waitMs ?? LONGEST_WAIT_MS))}`)
      if (!tryExclusive(lock)) throw runnerLockTimeout(waitMs ?? LONGEST_WAIT_MS)
    }
    return {
      waited,
      async release() {
        lock.close()
      },
    }
  } catch (err) {
    lock.close()
    throw err
  }
}

/** tryExclusive begins an exclusive transaction, waiting as the busy timeout says, and says whether it got it. */
function tryExclusive(lock: Database.Database): boolean {
  try {
    lock.exec('BEGIN EXCLUSIVE')
    return true
  } catch (err) {
    if ((err as { code?: unknown }).code === 'SQLITE_BUSY') return false
    throw err
  }
}

const header = Buffer.from('SQLite format 3\0', 'latin1')

/**
 * databaseOrNothing says whether `path` is missing, empty (SQLite makes either a database) or starts as a SQLite
 * database does; a path it cannot read (a folder) is left to the connection too.
 */
function databaseOrNothing(path: string): boolean {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const start = Buffer.alloc(header.length)
    const read = readSync(fd, start, 0, header.length, 0)
    return read === 0 || start.equals(header)
  } catch {
    return true
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
