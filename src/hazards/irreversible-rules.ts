import { nameOf } from '../model/qualified-name'
import { type UnrestorableDrop, unrestorableDrops, unrestorableText } from '../plan/unrestorable'
import type { HazardFinding } from './hazard-finding'
import type { RuleContext } from './rule-context'

/**
 * irreversibleFindings: IRREVERSIBLE on each dropped column that `down` cannot add back while its table has
 * rows, and each dropped table that rows of a kept table reference (see unrestorableDrops): such a `down`
 * stops at its start, changing nothing. The rows in the way are counted.
 */
export function irreversibleFindings(context: RuleContext): HazardFinding[] {
  const { changes } = context.input
  return unrestorableDrops(changes).map((drop): HazardFinding => {
    return {
      code: 'IRREVERSIBLE', operation: drop.op,
      what: `down cannot undo this: ${unrestorableText(drop)}; down stops at its start, changing nothing, while the table has ${drop.kind === 'column' ? 'rows' : 'such rows'}`,
      advice: drop.kind === 'column'
        ? 'to keep down usable, make the column nullable or give it a default in an earlier migration'
        : `to keep down usable, drop ${drop.columns.map((c) => `"${c}"`).join(', ')} with the table, or set them to NULL in this migration`,
      ...probeOf(context, drop),
    }
  })
}

/**
 * probeOf counts what stops down: every row, for a column; for a reference, the rows holding a value, as down's
 * own check does (a NULL references nothing). Those of a key of several columns are not counted.
 */
function probeOf(context: RuleContext, drop: UnrestorableDrop): Pick<HazardFinding, 'probe'> {
  const index = context.indexOf(drop.op)
  if (drop.kind === 'column') {
    const origin = context.origins.column(index, drop.op.table, drop.op.column.name)
    return origin === undefined ? {} : { probe: { kind: 'rows', table: nameOf(origin.table) } }
  }
  if (drop.columns.length !== 1) return {}
  const origin = context.origins.column(index, drop.op.table, drop.columns[0]!)
  return origin === undefined ? {} : { probe: { kind: 'non_null', table: nameOf(origin.table), column: origin.column.name } }
}
