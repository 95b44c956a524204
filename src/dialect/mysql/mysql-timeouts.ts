import type { MigrationTimeouts } from '../dialect'

/** LONGEST_LOCK_WAIT_S is the largest lock_wait_timeout (one year): a lock timeout of 0 means no limit, as on PostgreSQL. */
const LONGEST_LOCK_WAIT_S = 31_536_000

/**
 * mysqlTimeoutStatements set, with SET SESSION before a migration and back to the server's default after it
 * (MySQL has no setting that ends with a transaction, and DDL commits anyway):
 * - the lock timeout as `lock_wait_timeout` (table metadata locks, which DDL waits for) and
 *   `innodb_lock_wait_timeout` (row locks), both in whole seconds rounded up, on MySQL and MariaDB alike;
 * - the statement timeout as MariaDB's `max_statement_time` (seconds, fractions kept), which bounds every
 *   statement (0: no limit). MySQL 8 has no such variable (its `max_execution_time` bounds only SELECTs, so it would not
 *   bound a migration's DDL or writes): there the server rejects the SET, and the migration fails before
 *   running anything rather than running unbounded.
 */
export function mysqlTimeoutStatements(timeouts: MigrationTimeouts): { set: string[]; reset: string[] } {
  const settings: Array<[name: string, value: string]> = []
  if (timeouts.lockMs !== undefined) {
    const seconds = String(timeouts.lockMs === 0 ? LONGEST_LOCK_WAIT_S : Math.ceil(timeouts.lockMs / 1000))
    settings.push(['lock_wait_timeout', seconds], ['innodb_lock_wait_timeout', seconds])
  }
  if (timeouts.statementMs !== undefined) settings.push(['max_statement_time', String(timeouts.statementMs / 1000)])
  return {
    set: settings.map(([name, value]) => `SET SESSION ${name} = ${value}`),
    reset: settings.map(([name]) => `SET SESSION ${name} = DEFAULT`),
  }
}
