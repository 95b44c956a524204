import { sameColumnList } from '../../model/column-lists'
import { referencedTableOf, sameName } from '../../model/qualified-name'
import type { OperationOf } from '../../operations/operation'
import type { ChangeSet } from '../../plan/change-set'
import { quoteDoubled } from '../quote'
import type { Statement } from '../statement'
import { quoteIdent } from './mysql-quote'
import { keptBefore } from './mysql-values-kept'

/**
 * orphanGuard is the check, run before the migration's first statement, for the rows of the table of `op` (the
 * operation at `at`) whose key columns all hold a value that matches no row of the referenced table: the server
 * refuses the ADD then, in any sql_mode, after the statements before it committed. Only where the table, its key
 * columns and the referenced table and columns are those the database has before the migration, holding the same
 * values (no operation before `at` creates or renames them, or changes them but as keptBefore allows: a column
 * added beside them, a wider integer), and no key of the table referenced the same columns before.
 */
export function orphanGuard(changes: ChangeSet, at: number, op: OperationOf<'add_foreign_key'>, columnAtStart: (name: string) => string | undefined): Statement | undefined {
  const table = changes.tableAt[at]
  if (table?.change !== 'modified' || table.from === undefined) return undefined
  const { foreignKey } = op
  const referenced = referencedTableOf(foreignKey)
  const start = changes.schemaAt(0)
  const target = start.tables.find((t) => sameName(t, referenced))
  if (target === undefined || foreignKey.referencedColumns.some((c) => !target.columns.some((column) => column.name === c))) return undefined
  const targetLives = changes.tables.filter((life) => sameName(life.firstName, referenced) || sameName(life.lastName, referenced))
  if (!targetLives.every((life) => keptBefore(changes, life, at, foreignKey.referencedColumns))) return undefined
  const found = foreignKey.columns.map((c) => columnAtStart(c))
  if (!found.every((c): c is string => c !== undefined)) return undefined
  const columns: readonly string[] = found
  const keyedBefore = table.from.foreignKeys.some((fk) =>
    sameColumnList(fk.columns, columns) && sameColumnList(fk.referencedColumns, foreignKey.referencedColumns) && sameName(referencedTableOf(fk), referenced))
  if (keyedBefore) return undefined
  const child = (c: string) => `c.${quoteIdent(c)}`
  const matches = foreignKey.referencedColumns.map((r, i) => `p.${quoteIdent(r)} = ${child(columns[i]!)}`).join(' AND ')
  const valued = columns.map((c) => `${child(c)} IS NOT NULL`).join(' AND ')
  return {
    sql: `SELECT 1 FROM ${quoteIdent(table.firstName.name)} AS c WHERE ${valued} AND NOT EXISTS ` +
      `(SELECT 1 FROM ${quoteIdent(target.name)} AS p WHERE ${matches}) LIMIT 1`,
    operations: [op],
    failIfRows: `rows of ${quoteDoubled(table.firstName.name)} (${columns.map((c) => quoteDoubled(c)).join(', ')}) point at no row of ` +
      `${quoteDoubled(target.name)}: point them at existing rows, or set their values to NULL, first (the server would refuse foreign key ` +
      `${quoteDoubled(foreignKey.name)}); nothing of the table was changed`,
  }
}
