import { nameOf } from '../model/qualified-name'
import { unrestorableDrops, unrestorableText } from '../plan/unrestorable'
import type { HazardFinding } from './hazard-finding'
import type { RuleContext } from './rule-context'

/**
 * irreversibleFindings: IRREVERSIBLE on each dropped column that `down` cannot add back while its table has
 * rows, and each dropped table that rows of a kept table reference (see unrestorableDrops): such a `down`
 * stops at its start, changing nothing. Rows counted.
 */
export function irreversibleFindings(context: RuleContext): HazardFinding[] {
  const { changes } = context.input
  return unrestorableDrops(changes).map((drop): HazardFinding => {
    const index = context.indexOf(drop.op)
    const origin = drop.kind === 'column' ? context.origins.column(index, drop.op.table, drop.op.column.name)?.table : context.origins.table(index, drop.op.table)
    return {
      code: 'IRREVERSIBLE', operation: drop.op,
      what: `down cannot undo this: ${unrestorableText(drop)}; down stops at its start, changing nothing, while the table has ${drop.kind === 'column' ? 'rows' : 'such rows'}`,
      advice: drop.kind === 'column'
        ? 'to keep down usable, make the column nullable or give it a default in an earlier migration'
        : `to keep down usable, drop ${drop.columns.map((c) => `"${c}"`).join(', ')} with the table, or set them to NULL in this migration`,
      ...(origin && { probe: { kind: 'rows', table: nameOf(origin) } }),
    }
  })
}
