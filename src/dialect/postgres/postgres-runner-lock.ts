import { newPostgresClient } from './postgres-driver'
import type { DataSourceOptions } from 'typeorm'
import type { RunnerLock } from '../dialect'
import { runnerLockTimeout } from '../runner-lock-timeout'
import { postgresClientConfig, postgresConnectionError } from './postgres-connection'

/** LOCK_NOT_AVAILABLE is the SQLSTATE of a lock wait cut short by `lock_timeout`. */
const LOCK_NOT_AVAILABLE = '55P03'

/**
 * lockPostgresRunner takes a session advisory lock keyed by the qualified migrations table, on a connection of
 * its own: the lock lasts as long as that session, so a crashed run gives it up. Advisory locks are per
 * database, so runs on other databases of the server do not wait.
 */
export async function lockPostgresRunner(options: DataSourceOptions, table: string, waitMs: number | undefined, onWaiting?: () => void): Promise<RunnerLock> {
  const client = newPostgresClient(postgresClientConfig(options))
  // A server that ends the session while the lock is held must not crash the run: the run's own connection reports it.
  client.on('error', () => undefined)
  try {
    await client.connect()
  } catch (err) {
    await client.end().catch(() => undefined)
    throw postgresConnectionError(options, err)
  }
  // Without the DataSource's schema, the migrations table is in the session's current_schema(), as TypeORM puts it.
  const schema = (options as { schema?: string }).schema ?? null
  const key = `'typeorm-autogen ' || COALESCE($1::text, current_schema(), 'public') || '.' || $2::text`
  try {
    const [tried] = (await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtext(${key})) AS locked`, [schema, table])).rows
    const waited = tried?.locked !== true
    if (waited) {
      if (waitMs === 0) throw runnerLockTimeout(0)
      onWaiting?.()
      // 0 is no limit: lock_timeout bounds the wait for an advisory lock as for any other.
      await client.query(`SET lock_timeout = ${Math.ceil(waitMs ?? 0)}`)
      await client.query(`SELECT pg_advisory_lock(hashtext(${key}))`, [schema, table])
    }
    return { waited, release: () => client.end() }
  } catch (err) {
    await client.end().catch(() => undefined)
    if ((err as { code?: unknown }).code === LOCK_NOT_AVAILABLE) throw runnerLockTimeout(waitMs ?? 0)
    throw err
  }
}
