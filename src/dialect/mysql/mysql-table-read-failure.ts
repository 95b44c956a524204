import type { DataSourceOptions } from 'typeorm'
import type { TableReadFailure } from '../dialect'
import { mysqlPlace } from './mysql-connection'

// Server error numbers, the same on MySQL and MariaDB.
const ER_NO_SUCH_TABLE = 1146
const ER_TABLEACCESS_DENIED_ERROR = 1142

/**
 * mysqlTableReadFailure reads the errno of a failed read of a table (mysql2's error, or TypeORM's
 * QueryFailedError, which copies its `errno`): no such table, or access denied to the user the options connect
 * as, which the server answers a user with no rights on the table whether it exists or not (so as not to show
 * which do). information_schema lists only the tables a user has some privilege on.
 */
export function mysqlTableReadFailure(err: unknown, options: DataSourceOptions): TableReadFailure | undefined {
  const errno = (err as { errno?: unknown } | null)?.errno
  if (errno === ER_NO_SUCH_TABLE) return { kind: 'absent' }
  if (errno === ER_TABLEACCESS_DENIED_ERROR) return { kind: 'denied', user: mysqlPlace(options).user, shownToExist: false }
  return undefined
}
