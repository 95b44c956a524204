import type { DialectCapabilities } from '../dialect/dialect'
import { quoteDoubled } from '../dialect/quote'
import type { CopyColumn } from '../operations/operation'
import type { HazardFinding } from './hazard-finding'
import { columnText } from './hazard-names'
import { typeText, typeTextWithValues } from '../model/type-text'
import { labelConversionAdvice, labelConversionText } from './label-conversion-text'
import type { RuleContext } from './rule-context'
import { type Conversion, eachConversion, roundingFindings } from './type-change-rules'

/**
 * copyFindings: TYPE_NARROWING or TYPE_CAST_MAY_FAIL for a copy of values into a column of another type
 * (expand and contract migrations), as the dialect classifies the conversion (one between numbers and ENUM
 * labels by position included); a lossless one is no hazard
 * (the copy is an UPDATE, not a rewrite under lock).
 */
export function copyFindings(context: RuleContext): HazardFinding[] {
  const { capabilities } = context.input.dialect
  return eachConversion<CopyColumn>(context, 'copy_column', (op, conversion): HazardFinding[] => {
    const { from, to } = op
    const copies = `Copies ${columnText(op.table, from.name)} into ${quoteDoubled(to.name)} from ${typeText(from)} to ${typeText(to)}`
    return [...copyConversionFindings(op, conversion, copies, capabilities), ...roundingFindings(op, conversion, copies)]
  })
}

function copyConversionFindings(op: CopyColumn, { change, probe }: Conversion, copies: string, capabilities: DialectCapabilities): HazardFinding[] {
  const { from, to } = op
  switch (change) {
    case 'narrowing':
      return [{
        code: 'TYPE_NARROWING', operation: op,
        what: `${copies}, which fails or rounds for the values that do not fit`,
        advice: 'fix those values first, or keep the wider type',
        ...probe,
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
        ...probe,
      }]
    case 'label_positions':
    case 'label_bits':
      return [{
        code: 'TYPE_CAST_MAY_FAIL', operation: op,
        what: `Copies ${columnText(op.table, from.name)} into ${quoteDoubled(to.name)} from ${typeTextWithValues(from)} to ${typeTextWithValues(to)}, ${labelConversionText(change, from, to)}`,
        advice: labelConversionAdvice(change),
        ...probe,
      }]
    default:
      return []
  }
}
