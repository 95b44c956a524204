import { nameOf } from '../model/qualified-name'
import { unrestorableDrops, unrestorableText } from '../plan/unrestorable'
import type { HazardFinding } from './hazard-finding'
import type { RuleContext } from './rule-context'

/**
 * irreversibleFindings: IRREVERSIBLE on each dropped column that `down` cannot add back while its table has
 * rows (see unrestorableDrops): such a `down` stops at its start, changing nothing. Rows counted.
 */
export function irreversibleFindings(context: RuleContext): HazardFinding[] {
  const { changes } = context.input
  return unrestorableDrops(changes).map((drop): HazardFinding => {
    const origin = context.origins.column(context.indexOf(drop.op), drop.op.table, drop.op.column.name)
    return {
      code: 'IRREVERSIBLE', operation: drop.op,
      what: `down cannot undo this: ${unrestorableText(drop)}; down stops at its start, changing nothing, while the table has rows`,
      advice: 'to keep down usable, make the column nullable or give it a default in an earlier migration',
      ...(origin && { probe: { kind: 'rows', table: nameOf(origin.table) } }),
    }
  })
}
