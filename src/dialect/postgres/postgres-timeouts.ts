import type { MigrationTimeouts } from '../dialect'

/**
 * postgresTimeoutStatements set `lock_timeout` and `statement_timeout` with SET LOCAL inside a migration's
 * transaction (they end with it), and with SET and RESET around a migration that runs without one.
 */
export function postgresTimeoutStatements(timeouts: MigrationTimeouts, inTransaction: boolean): { set: string[]; reset: string[] } {
  const settings = [['lock_timeout', timeouts.lockMs], ['statement_timeout', timeouts.statementMs]] as const
  const given = settings.flatMap(([name, ms]) => (ms === undefined ? [] : [{ name, ms }]))
  return {
    set: given.map(({ name, ms }) => `SET ${inTransaction ? 'LOCAL ' : ''}${name} = ${Math.round(ms)}`),
    reset: inTransaction ? [] : given.map(({ name }) => `RESET ${name}`),
  }
}
