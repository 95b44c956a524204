import type { DataSourceOptions } from 'typeorm'
import type { TableReadFailure } from '../dialect'
import { postgresPlace } from './postgres-connection'

// SQLSTATEs of https://www.postgresql.org/docs/current/errcodes-appendix.html
const UNDEFINED_TABLE = '42P01'
const INSUFFICIENT_PRIVILEGE = '42501'

/**
 * postgresTableReadFailure reads the SQLSTATE of a failed read of a table (pg's error, or TypeORM's
 * QueryFailedError, which copies its `code`): undefined_table, or insufficient_privilege for the user the
 * options connect as, which the server gives only once it found the table. information_schema lists only the
 * tables a role has some privilege on.
 */
export function postgresTableReadFailure(err: unknown, options: DataSourceOptions): TableReadFailure | undefined {
  const code = (err as { code?: unknown } | null)?.code
  if (code === UNDEFINED_TABLE) return { kind: 'absent' }
  if (code === INSUFFICIENT_PRIVILEGE) return { kind: 'denied', user: postgresPlace(options).user, shownToExist: true }
  return undefined
}
