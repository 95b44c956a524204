import { createHash } from 'node:crypto'
import type { DataSourceOptions } from 'typeorm'
import type { RunnerLock } from '../dialect'
import { runnerLockTimeout } from '../runner-lock-timeout'
import { openMysql } from './mysql-connection'

/** MAX_LOCK_NAME is the longest name GET_LOCK takes (MySQL refuses longer ones). */
const MAX_LOCK_NAME = 64
/** LONGEST_WAIT_S is the wait when it has no limit (a year: a negative GET_LOCK timeout is not infinite on every server). */
const LONGEST_WAIT_S = 31_536_000

/**
 * lockMysqlRunner takes a named user lock (GET_LOCK) keyed by the database and its migrations table, on a
 * connection of its own: named locks are the server's, held by the session, so runs on other databases do
 * not wait and a crashed run, whose session ends, gives it up.
 */
export async function lockMysqlRunner(options: DataSourceOptions, table: string, waitMs: number | undefined, onWaiting?: () => void): Promise<RunnerLock> {
  const connection = await openMysql(options)
  // A server that ends the session while the lock is held must not crash the run: the run's own connection reports it.
  connection.on('error', () => undefined)
  try {
    const [databases] = await connection.query('SELECT DATABASE() AS name')
    const name = runnerLockName((databases as Array<{ name: string | null }>)[0]?.name ?? '', table)
    const got = async (seconds: number) => {
      const [rows] = await connection.query('SELECT GET_LOCK(?, ?) AS got', [name, seconds])
      return Number((rows as Array<{ got: number | string | null }>)[0]?.got) === 1
    }
    const waited = !(await got(0))
    if (waited) {
      if (waitMs === 0) throw runnerLockTimeout(0)
      onWaiting?.()
      if (!(await got(waitMs === undefined ? LONGEST_WAIT_S : waitMs / 1000))) throw runnerLockTimeout(waitMs ?? LONGEST_WAIT_S * 1000)
    }
    return {
      waited,
      async release() {
        await connection.query('SELECT RELEASE_LOCK(?)', [name]).catch(() => undefined)
        await connection.end()
      },
    }
  } catch (err) {
    await connection.end().catch(() => undefined)
    throw err
  }
}

/** runnerLockName is `typeorm-autogen <database>.<table>`, or a hash of it past GET_LOCK's 64 characters. */
export function runnerLockName(database: string, table: string): string {
  const name = `typeorm-autogen ${database}.${table}`
  if (name.length <= MAX_LOCK_NAME) return name
  return `typeorm-autogen ${createHash('sha1').update(name).digest('hex')}`
}
