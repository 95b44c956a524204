import type { ColumnModel, QualifiedName } from '../../model/schema-model'
import type { CopyColumn } from '../../operations/operation'
import { qualified, quoteIdent } from './postgres-quote'
import { valueCastSql } from './postgres-value-cast'

/**
 * copyColumnSql copies one column into another with an UPDATE. Between two parameters of one type (a
 * shorter varchar) the value is assigned as it is; between types it is converted as valueCastSql says. Either
 * way the column's own conversion of the result refuses a value that does not fit, where an explicit cast to
 * varchar(n) would cut it. With `rows: 'empty'` only rows whose target is NULL are written.
 */
export function copyColumnSql(op: CopyColumn): string {
  const where = op.rows === 'empty' ? ` WHERE ${quoteIdent(op.to.name)} IS NULL` : ''
  return `UPDATE ${qualified(op.table)} SET ${quoteIdent(op.to.name)} = ${valueSql(op.from, op.to, op.table)}${where}`
}

function valueSql(from: ColumnModel, to: ColumnModel, table: QualifiedName): string {
  const column = quoteIdent(from.name)
  const sameType = from.type === to.type && Boolean(from.isArray) === Boolean(to.isArray) && from.enumName === to.enumName && from.enumSchema === to.enumSchema
  return sameType ? column : valueCastSql(column, from, to, table)
}
