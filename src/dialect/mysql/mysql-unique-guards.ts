import type { OperationOf } from '../../operations/operation'
import type { ChangeSet } from '../../plan/change-set'
import { quoteDoubled } from '../quote'
import type { Statement } from '../statement'
import { quoteIdent } from './mysql-quote'
import { keptBefore } from './mysql-values-kept'
import { addedValueOf } from './mysql-added-column-value'
import { columnOriginAt } from './mysql-column-origin'
import { keyComparedAs } from './mysql-key-collations'

/**
 * uniqueGuard is the test, run before the migration's first statement, for the values the unique constraint,
 * unique index or primary key `op` (the operation at `at`) adds would find repeated: the server refuses the ADD then ("Duplicate
 * entry"), in any sql_mode, after the statements before it committed. Rows with a NULL in a key column repeat
 * nothing, and values compare under the collations the columns have once migrated, as the key compares them (keyComparedAs). Only where the table
 * exists before the migration, every key is a plain column of it that no operation before `at` changes (but as
 * keptBefore allows: a column added beside it, a longer string) or one an operation before `at` adds, which gives
 * every row one value (see valueOnAdd: a literal default, or the implicit default of a NOT NULL column), and no
 * unique key or primary key of it was on some of the columns it had already (their values are unique then).
 */
export function uniqueGuard(
  changes: ChangeSet, at: number, op: OperationOf<'add_unique'> | OperationOf<'create_index'> | OperationOf<'add_primary_key'>,
): Statement | undefined {
  const table = changes.tableAt[at]
  const from = table?.from
  if (table?.change !== 'modified' || from === undefined) return undefined
  const key = op.kind === 'add_unique' ? { name: `unique ${quoteDoubled(op.unique.name)}`, columns: op.unique.columns }
    : op.kind === 'add_primary_key' ? { name: 'the primary key', columns: op.primaryKey.columns }
      : { name: `unique ${quoteDoubled(op.index.name)}`, columns: op.index.columns }
  if (op.kind === 'create_index' && (!op.index.unique || op.index.where !== undefined || op.index.keyOptions !== undefined)) return undefined
  const added = new Map(key.columns.flatMap((c) => {
    const value = addedValueOf(columnOriginAt(changes, at, c))
    return value === undefined ? [] : [[c, value] as const]
  }))
  const columns = key.columns.filter((c) => !added.has(c))
  if (!columns.every((c) => from.columns.some((column) => column.name === c)) || !keptBefore(changes, table, at, columns, true)) return undefined
  const unique = [
    ...from.uniques.map((u) => u.columns),
    ...from.indexes.filter((i) => i.unique && i.where === undefined).map((i) => i.columns),
    ...(from.primaryKey === undefined ? [] : [from.primaryKey.columns]),
  ]
  if (unique.some((keyed) => keyed.length > 0 && keyed.every((c) => columns.includes(c)))) return undefined
  const quoted = columns.map(quoteIdent)
  const compared = keyComparedAs(from, table.to ?? from, columns)
  if (compared === undefined) return undefined
  const tableName = quoteIdent(table.firstName.name)
  const named = quoteDoubled(table.firstName.name)
  const taken = [...added].map(([c, value]) => `${value} in ${quoteDoubled(c)}`).join(', ')
  const addedText = added.size === 0 ? '' : `, each taking ${taken} (added by this migration)`
  return {
    sql: columns.length === 0
      ? `SELECT 1 FROM ${tableName} LIMIT 1 OFFSET 1`
      : `SELECT 1 FROM ${tableName} WHERE ${quoted.map((c) => `${c} IS NOT NULL`).join(' AND ')} GROUP BY ${compared.join(', ')} HAVING COUNT(*) > 1 LIMIT 1`,
    operations: [op],
    failIfRows: (columns.length === 0 ? `${named} has two rows or more` : `rows of ${named} repeat values of (${columns.map(quoteDoubled).join(', ')})`) +
      `${addedText}, which ${key.name} takes once: ` +
      (added.size === 0 ? 'remove the duplicates first' : 'add the column without the unique, fill it with distinct values, then add the unique in a later migration') +
      ' (the server would refuse it); nothing of the table was changed',
  }
}
