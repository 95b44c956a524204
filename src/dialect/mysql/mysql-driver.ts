import type * as MysqlPromise from 'mysql2/promise'
import { requireDriver } from '../require-driver'

/**
 * mysqlDriver is mysql2's promise API, required only now: a command that never connects to MySQL or MariaDB
 * (another dialect's project, `--help`) never loads it.
 */
export function mysqlDriver(): typeof MysqlPromise {
  return requireDriver('mysql2/promise') as typeof MysqlPromise
}
