import { quoteDoubled } from '../dialect/quote'
import { nameOf } from '../model/qualified-name'
import { writtenCheck } from '../model/written-sql'
import { checkMentionsColumn } from '../operations/rename-identifier'
import type { HazardFinding } from './hazard-finding'
import { tableText } from './hazard-names'
import { namedAsInDatabase } from './predicate-names'
import { type RuleContext, eachOp } from './rule-context'

/**
 * addCheckFindings: ADD_CHECK for a check added to a table that exists already, unless the table had one of that
 * expression: the migration fails while a row breaks it. Counts those rows where the table's columns have their
 * names in the database (the expression names them as the migration does).
 */
export function addCheckFindings(context: RuleContext): HazardFinding[] {
  return eachOp(context, 'add_check', (op, index): HazardFinding[] => {
    const table = context.origins.table(index, op.table)
    if (table === undefined || context.origins.droppedLater(index)) return []
    if (table.checks.some((c) => c.expression === op.check.expression)) return []
    const expression = writtenCheck(op.check)
    return [{
      code: 'ADD_CHECK', operation: op,
      what: `Adds check ${quoteDoubled(op.check.name)} (${expression}) on ${tableText(op.table)}, which fails while a row breaks it`,
      advice: 'fix those rows first',
      ...(namedAsInDatabase(context, index, op.table, (column) => checkMentionsColumn(op.check, column)) && {
        probe: { kind: 'fails_check' as const, table: nameOf(table), expression },
      }),
    }]
  })
}
