import { isLiteralDefault } from '../../model/literal-default'
import type { ColumnModel } from '../../model/schema-model'
import type { ColumnOrigin } from './mysql-column-origin'
import { literalSql, quoteString } from './mysql-literals'
import { mysqlStringTypes } from './mysql-type-families'
import { baseOf, mysqlNumericTypes } from './mysql-types'

/**
 * valueOnAdd is the value, as MySQL reads it, that every row a table holds takes when `column` is added to it: its
 * default where that is a literal, else, NOT NULL without one, the implicit default the server fills it with
 * (measured on MariaDB 10.11: 0 for a number, '' for a string, the first label of an ENUM, the nil uuid).
 * Undefined where rows may take different values (an expression, a generated value) or NULL, or for a type whose
 * implicit value is not one of those.
 */
export function valueOnAdd(column: ColumnModel): string | undefined {
  if (column.generated !== undefined || column.computed !== undefined) return undefined
  if (column.default !== undefined) return isLiteralDefault(column.default) ? literalSql(column.default) : undefined
  if (column.nullable) return undefined
  const base = baseOf(column.type)
  if (mysqlNumericTypes.has(base) && base !== 'bit' && base !== 'year') return '0'
  if (mysqlStringTypes.has(base)) return "''"
  if (base === 'enum' && column.enumValues?.[0] !== undefined) return quoteString(column.enumValues[0])
  if (base === 'uuid') return "'00000000-0000-0000-0000-000000000000'"
  return undefined
}

/** addedValueOf is valueOnAdd of the column `origin` is where an operation adds it, else undefined. */
export function addedValueOf(origin: ColumnOrigin | undefined): string | undefined {
  return origin !== undefined && 'added' in origin ? valueOnAdd(origin.added) : undefined
}
