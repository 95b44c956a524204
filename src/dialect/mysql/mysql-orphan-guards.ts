import { sameColumnList } from '../../model/column-lists'
import { referencedTableOf, sameName } from '../../model/qualified-name'
import type { OperationOf } from '../../operations/operation'
import type { ChangeSet } from '../../plan/change-set'
import { quoteDoubled } from '../quote'
import type { Statement } from '../statement'
import { quoteIdent } from './mysql-quote'
import { keptBefore } from './mysql-values-kept'
import { addedValueOf } from './mysql-added-column-value'
import { type ColumnOrigin, nameAtStart } from './mysql-column-origin'

/**
 * orphanGuard is the check, run before the migration's first statement, for the rows of the table of `op` (the
 * operation at `at`) whose key columns all hold a value that matches no row of the referenced table: the server
 * refuses the ADD then, in any sql_mode, after the statements before it committed. Only where the table, its key
 * columns and the referenced table and columns are those the database has before the migration, holding the same
 * values (no operation before `at` creates or renames them, or changes them but as keptBefore allows: a column
 * added beside them, a wider integer), and no key of the table referenced the same columns before. A key column an
 * operation before `at` adds, which gives every row one value (see valueOnAdd), is compared as that value.
 */
export function orphanGuard(changes: ChangeSet, at: number, op: OperationOf<'add_foreign_key'>, originOf: (name: string) => ColumnOrigin | undefined): Statement | undefined {
  const table = changes.tableAt[at]
  if (table?.change !== 'modified' || table.from === undefined) return undefined
  const { foreignKey } = op
  const referenced = referencedTableOf(foreignKey)
  const start = changes.schemaAt(0)
  const target = start.tables.find((t) => sameName(t, referenced))
  if (target === undefined || foreignKey.referencedColumns.some((c) => !target.columns.some((column) => column.name === c))) return undefined
  const targetLives = changes.tables.filter((life) => sameName(life.firstName, referenced) || sameName(life.lastName, referenced))
  if (!targetLives.every((life) => keptBefore(changes, life, at, foreignKey.referencedColumns))) return undefined
  // Each key column as the rows have it at the start (`c.name`), or the one value a column the migration adds gives them all.
  const keyed = foreignKey.columns.map((c): KeyValue | undefined => {
    const origin = originOf(c)
    const name = nameAtStart(origin)
    if (name !== undefined) return { name, value: `c.${quoteIdent(name)}` }
    const value = addedValueOf(origin)
    return value === undefined ? undefined : { added: c, value }
  })
  if (!keyed.every((k): k is KeyValue => k !== undefined)) return undefined
  const columns = keyed.flatMap((k) => (k.name === undefined ? [] : [k.name]))
  const added = keyed.flatMap((k) => (k.added === undefined ? [] : [`${k.value} in ${quoteDoubled(k.added)}`]))
  const keyedBefore = added.length === 0 && table.from.foreignKeys.some((fk) =>
    sameColumnList(fk.columns, columns) && sameColumnList(fk.referencedColumns, foreignKey.referencedColumns) && sameName(referencedTableOf(fk), referenced))
  if (keyedBefore) return undefined
  const matches = foreignKey.referencedColumns.map((r, i) => `p.${quoteIdent(r)} = ${keyed[i]!.value}`).join(' AND ')
  const valued = columns.map((c) => `c.${quoteIdent(c)} IS NOT NULL AND `).join('')
  const rows = added.length === 0
    ? `rows of ${quoteDoubled(table.firstName.name)} (${columns.map((c) => quoteDoubled(c)).join(', ')}) point at no row of ${quoteDoubled(target.name)}: ` +
      'point them at existing rows, or set their values to NULL, first'
    : `rows of ${quoteDoubled(table.firstName.name)}${columns.length === 0 ? '' : ` (${columns.map((c) => quoteDoubled(c)).join(', ')})`}, each taking ` +
      `${added.join(', ')} (added by this migration), point at no row of ${quoteDoubled(target.name)}: add the row they would point at, or add the ` +
      'column nullable, fill it, and add the foreign key in a later migration'
  return {
    sql: `SELECT 1 FROM ${quoteIdent(table.firstName.name)} AS c WHERE ${valued}NOT EXISTS ` +
      `(SELECT 1 FROM ${quoteIdent(target.name)} AS p WHERE ${matches}) LIMIT 1`,
    operations: [op],
    failIfRows: `${rows} (the server would refuse foreign key ${quoteDoubled(foreignKey.name)}); nothing of the table was changed`,
  }
}

/** KeyValue is a key column's value in the guard: a column the table has (`name`), or one the migration `added`. */
interface KeyValue {
  readonly name?: string
  readonly added?: string
  readonly value: string
}
