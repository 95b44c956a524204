import type { ColumnModel, QualifiedName } from '../../model/schema-model'
import type { CopyColumn } from '../../operations/operation'
import { columnTypeSql } from './postgres-column-sql'
import { qualified, quoteIdent } from './postgres-quote'

/**
 * copyColumnSql copies one column into another with an UPDATE. Between two parameters of one type (a
 * shorter varchar) the value is assigned as it is, so that a value that does not fit fails the statement
 * instead of being cut, as an explicit cast to varchar(n) would; between types it is cast explicitly, enums
 * through text. With `rows: 'empty'` only rows whose target is NULL are written.
 */
export function copyColumnSql(op: CopyColumn): string {
  const where = op.rows === 'empty' ? ` WHERE ${quoteIdent(op.to.name)} IS NULL` : ''
  return `UPDATE ${qualified(op.table)} SET ${quoteIdent(op.to.name)} = ${valueSql(op.from, op.to, op.table)}${where}`
}

function valueSql(from: ColumnModel, to: ColumnModel, table: QualifiedName): string {
  const column = quoteIdent(from.name)
  const sameType = from.type === to.type && Boolean(from.isArray) === Boolean(to.isArray) && from.enumName === to.enumName
  if (sameType) return column
  const type = columnTypeSql(to, table)
  if (from.type !== 'enum' && to.type !== 'enum') return `CAST(${column} AS ${type})`
  return `CAST(CAST(${column} AS ${from.isArray ? 'text[]' : 'text'}) AS ${type})`
}
