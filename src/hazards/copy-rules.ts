import { quoteDoubled } from '../dialect/quote'
import { columnChanges } from '../plan/column-change'
import type { HazardFinding } from './hazard-finding'
import { columnText, typeText } from './hazard-names'
import { type RuleContext, eachOp } from './rule-context'
import { conversionOf, narrowingProbe } from './type-change-rules'

/**
 * copyFindings: TYPE_NARROWING or TYPE_CAST_MAY_FAIL for a copy of values into a column of another type
 * (expand and contract migrations), as the dialect classifies the conversion; a lossless one is no hazard
 * (the copy is an UPDATE, not a rewrite under lock).
 */
export function copyFindings(context: RuleContext): HazardFinding[] {
  const { capabilities } = context.input.dialect
  return eachOp(context, 'copy_column', (op, index): HazardFinding[] => {
    const { from, to } = op
    const conversion = conversionOf(context, index, op.table, op, columnChanges(from, to))
    if (conversion === undefined) return []
    const { probe } = conversion
    const copies = `Copies ${columnText(op.table, from.name)} into ${quoteDoubled(to.name)} from ${typeText(from)} to ${typeText(to)}`
    switch (conversion.change) {
      case 'narrowing':
        return [{
          code: 'TYPE_NARROWING', operation: op,
          what: `${copies}, which fails or rounds for the values that do not fit`,
          advice: 'fix those values first, or keep the wider type',
          ...probe((t, c) => narrowingProbe(t, c, from, to)),
        }]
      case 'cast_may_fail':
        return [{
          code: 'TYPE_CAST_MAY_FAIL', operation: op,
          what: capabilities.looseTypes === true
            ? `${copies}: values that do not convert are copied as they are, not as ${typeText(to)}`
            : `${copies}, which fails if a value does not convert`,
          advice: capabilities.looseTypes === true
            ? 'fix the values that do not convert first'
            : 'fix the values that do not convert first: the copy fails before anything is dropped',
          ...probe((t, c) => ({ kind: 'not_convertible', table: t, column: c, to })),
        }]
      default:
        return []
    }
  })
}
