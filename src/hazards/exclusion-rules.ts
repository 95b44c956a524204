import { quoteDoubled } from '../dialect/quote'
import { nameOf } from '../model/qualified-name'
import { writtenExclusion } from '../model/written-sql'
import type { HazardFinding } from './hazard-finding'
import { tableText } from './hazard-names'
import { type RuleContext, eachOp } from './rule-context'

/**
 * addExclusionFindings: ADD_EXCLUSION for an exclusion constraint added to a table that exists already, unless
 * the table had one of that definition. Adding it builds its index while the table is locked for reads and
 * writes, with no online form (no `NOT VALID`, no `CONCURRENTLY`), and fails where two rows already conflict.
 */
export function addExclusionFindings(context: RuleContext): HazardFinding[] {
  return eachOp(context, 'add_exclusion', (op, index): HazardFinding[] => {
    const table = context.origins.table(index, op.table)
    if (table === undefined || context.origins.droppedLater(index)) return []
    if ((table.exclusions ?? []).some((x) => x.definition === op.exclusion.definition)) return []
    return [{
      code: 'ADD_EXCLUSION', operation: op, probe: { kind: 'rows', table: nameOf(table) },
      what: `Adds exclusion constraint ${quoteDoubled(op.exclusion.name)} (EXCLUDE ${writtenExclusion(op.exclusion)}) on ${tableText(op.table)}, ` +
        'which builds its index while blocking reads and writes to the table, and fails if two rows already conflict',
      advice: 'find and fix conflicting rows first; on a big table, run it when the table is quiet (an exclusion constraint has no online form)',
    }]
  })
}
