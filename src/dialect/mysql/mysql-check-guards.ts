import type { OperationOf } from '../../operations/operation'
import type { ChangeSet } from '../../plan/change-set'
import { writtenCheck } from '../../model/written-sql'
import { quoteDoubled } from '../quote'
import type { Statement } from '../statement'
import { quoteIdent } from './mysql-quote'
import { reshapedBefore } from './mysql-reshaped-before'

/**
 * checkGuard is the test, run before the migration's first statement, for the rows that break the check `op` (the
 * operation at `at`) adds: the server refuses the ADD then, in any sql_mode, after the statements before it
 * committed. Only where the table exists before the migration, no operation before `at` reshapes it (its rows and
 * names are those the expression meets), and it had no check of that expression. A row breaks a CHECK where its
 * expression is false, not NULL.
 */
export function checkGuard(changes: ChangeSet, at: number, op: OperationOf<'add_check'>): Statement | undefined {
  const table = changes.tableAt[at]
  if (table?.change !== 'modified' || table.from === undefined) return undefined
  if (reshapedBefore(changes, at)) return undefined
  if (table.from.checks.some((c) => c.expression === op.check.expression)) return undefined
  const expression = writtenCheck(op.check)
  return {
    sql: `SELECT 1 FROM ${quoteIdent(table.firstName.name)} WHERE NOT (${expression}) LIMIT 1`,
    operations: [op],
    failIfRows: `rows of ${quoteDoubled(table.firstName.name)} break check ${quoteDoubled(op.check.name)} (${expression}): fix them first ` +
      '(the server would refuse the check); nothing of the table was changed',
  }
}
