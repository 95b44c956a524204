import type { OperationOf } from '../../operations/operation'
import type { ChangeSet } from '../../plan/change-set'
import { uniqueKeysOf } from '../../model/unique-keys'
import { quoteDoubled } from '../quote'
import type { Statement } from '../statement'
import { quoteIdent } from './mysql-quote'
import { keptBefore } from './mysql-values-kept'
import { keyComparedAs } from './mysql-key-collations'

/**
 * recollatedKeyGuard is the test, run before the migration's first statement, for the values a unique key or the
 * primary key the table has holds equal once `op` (the operation at `at`) gives one of its columns another collation
 * ('Alice' and 'alice' made utf8mb4_general_ci): the server refuses that ALTER ("Duplicate entry") after the
 * statements before it committed. Only where the table exists before the migration and every column of the key is
 * one it has then, that no operation before `at` changes but as keptBefore allows.
 */
export function recollatedKeyGuard(changes: ChangeSet, at: number, op: OperationOf<'alter_column'>): Statement | undefined {
  const table = changes.tableAt[at]
  const from = table?.from
  const after = changes.tableAfter(at)
  if (table?.change !== 'modified' || from === undefined || after === undefined || !op.changes.includes('collation')) return undefined
  const key = uniqueKeysOf(after).find((columns) => columns.includes(op.to.name))
  if (key === undefined || !keptBefore(changes, table, at, key)) return undefined
  const compared = keyComparedAs(from, after, key)
  if (compared === undefined) return undefined
  const tableName = quoteIdent(table.firstName.name)
  return {
    sql: `SELECT 1 FROM ${tableName} WHERE ${key.map((c) => `${quoteIdent(c)} IS NOT NULL`).join(' AND ')} GROUP BY ${compared.join(', ')} HAVING COUNT(*) > 1 LIMIT 1`,
    operations: [op],
    failIfRows: `rows of ${quoteDoubled(table.firstName.name)} repeat values of (${key.map(quoteDoubled).join(', ')}) under the collation ` +
      `${quoteDoubled(op.to.name)} is given, which the key takes once: remove the duplicates first, or keep the collation ` +
      '(the server would refuse it); nothing of the table was changed',
  }
}
