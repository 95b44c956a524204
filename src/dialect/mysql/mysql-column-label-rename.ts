import type { ColumnModel, TableModel } from '../../model/schema-model'
import type { OperationOf } from '../../operations/operation'
import { relabelledColumn } from '../../operations/relabel-column'
import type { StatementPiece } from '../statement'
import { columnDefinitionSql } from './mysql-column-sql'
import { mysqlEnumLabelKey } from './mysql-enum-label-key'
import { quoteString } from './mysql-literals'
import { keptUpdateTimes } from './mysql-kept-update-times'
import { quoteIdent } from './mysql-quote'
import type { MysqlServer } from './mysql-server'

/**
 * columnLabelRenameSql renames a label of an `ENUM` column keeping the rows holding it, which MySQL has no
 * statement for: the new label is added at the end (where it renumbers no value), the rows are moved to it
 * (`first`), and the column takes its new labels (`relabelled`, for the table's ALTER), which the server converts
 * by their text (the table is copied: the old label's position goes). A label the column's collation holds equal
 * to the new one (its case alone changes, under a case-insensitive collation) cannot stand beside it: the column
 * takes its new labels at once, and the server converts the rows to it (see mysqlEnumLabelKey). `before` is the
 * table as the rename finds it (its collation is the column's where it has none).
 */
export function columnLabelRenameSql(op: OperationOf<'rename_column_label'>, server: MysqlServer | undefined, before: TableModel | undefined): {
  readonly first: readonly StatementPiece[]
  readonly relabelled: ColumnModel
} {
  const table = quoteIdent(op.table.name)
  const column = quoteIdent(op.column.name)
  const relabelled = relabelledColumn(op.column, op.from, op.to)
  const collation = op.column.collation ?? before?.collation
  if (mysqlEnumLabelKey(op.from, collation) === mysqlEnumLabelKey(op.to, collation)) return { first: [], relabelled }
  const both = { ...op.column, enumValues: [...(op.column.enumValues ?? []), op.to] }
  return {
    first: [
      `ALTER TABLE ${table} MODIFY COLUMN ${columnDefinitionSql(both, server)}`,
      `UPDATE ${table} SET ${column} = ${quoteString(op.to)}${keptUpdateTimes(before, op.column.name)} WHERE ${column} = ${quoteString(op.from)}`,
    ],
    relabelled,
  }
}
