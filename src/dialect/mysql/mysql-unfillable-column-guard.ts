import type { OperationOf } from '../../operations/operation'
import { quoteDoubled } from '../quote'
import type { Statement } from '../statement'
import { mysqlSpatialTypes } from './mysql-type-families'
import { quoteIdent } from './mysql-quote'
import { baseOf } from './mysql-types'

/**
 * unfillableColumnGuard is the check run before the ALTER adding `op`'s column to table `table` (its name then) where
 * the column is a NOT NULL geometry without a default: the server has no value of the type for the rows already there.
 * MariaDB 10.11 gives them an empty value that is no geometry (`ST_AsText` reads NULL, `IS NULL` is false), and refuses
 * a SPATIAL index over it, failing the ALTER that adds both ("Cannot get geometry object from data you send to the
 * GEOMETRY field") after the statements before it committed. So the migration fails while the table has rows.
 * `first`: the check runs before any statement of the migration.
 */
export function unfillableColumnGuard(op: OperationOf<'add_column'>, table: string, first: boolean): Statement[] {
  const { column } = op
  if (column.nullable || column.default !== undefined || column.computed !== undefined || !mysqlSpatialTypes.has(baseOf(column.type))) return []
  const ran = first ? 'nothing of the table was changed' : 'the ALTER did not run, but the statements before it in the migration did'
  return [{
    sql: `SELECT 1 FROM ${quoteIdent(table)} LIMIT 1`,
    operations: [op],
    failIfRows: `${quoteDoubled(table)} has rows, which the NOT NULL ${column.type} column ${quoteDoubled(column.name)} added without a default ` +
      'cannot be filled for: the server would give them an empty value that is no geometry, and refuses a SPATIAL index over it; ' +
      `add the column nullable, fill it, and make it NOT NULL in a later migration; ${ran}`,
  }]
}
