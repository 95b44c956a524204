import type { MysqlServer } from './mysql-server'

/**
 * storedCurrentTimestamp is a canonical `CURRENT_TIMESTAMP(n)` default or ON UPDATE of a column of `precision`
 * fractional digits as the server stores it; any other expression is returned as it is. More digits than the
 * column's are the column's (MariaDB stores them so; what TypeORM writes for `@CreateDateColumn({ precision: 3 })`).
 * None (`CURRENT_TIMESTAMP`, `now()`) is the column's on MariaDB only, which stores `datetime(6) DEFAULT now()` as
 * `current_timestamp(6)`: MySQL refuses a precision other than the column's, so there the entity's stays, and
 * the change it shows fails naming the column.
 */
export function storedCurrentTimestamp(expression: string | undefined, precision: number | undefined, server: MysqlServer | undefined): string | undefined {
  const digits = /^CURRENT_TIMESTAMP(?:\((\d+)\))?$/.exec(expression ?? '')
  if (!digits) return expression
  const written = Number(digits[1] ?? 0)
  const columnDigits = precision ?? 0
  const raised = written === 0 && server?.product === 'mariadb'
  if (written <= columnDigits && !raised) return expression
  return columnDigits === 0 ? 'CURRENT_TIMESTAMP' : `CURRENT_TIMESTAMP(${columnDigits})`
}
