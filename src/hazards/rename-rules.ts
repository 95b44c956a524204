import { quoteDoubled, quoteLiteral } from '../dialect/quote'
import type { HazardFinding } from './hazard-finding'
import { columnText, tableText } from './hazard-names'
import { type RuleContext, eachOp } from './rule-context'

const advice = 'application code still using the old name fails until code that uses the new one is deployed; ship both together'
const labelAdvice = 'application code still writing the old label fails until code that uses the new one is deployed; ship both together'

/** renameFindings: RENAME for every renamed table, column (not a column's case alone where names ignore case) and enum label. */
export function renameFindings(context: RuleContext): HazardFinding[] {
  return [
    ...eachOp(context, 'rename_table', (op): HazardFinding[] => [
      { code: 'RENAME', operation: op, what: `${op.from.schema === op.to.schema ? 'Renames' : 'Moves'} table ${tableText(op.from)} to ${tableText(op.to)}`, advice },
    ]),
    // Where column names ignore case, code using either spelling finds the column: nothing to ship together.
    ...eachOp(context, 'rename_column', (op): HazardFinding[] =>
      context.input.dialect.capabilities.columnNamesIgnoreCase === true && op.from.toLowerCase() === op.to.toLowerCase()
        ? []
        : [{ code: 'RENAME', operation: op, what: `Renames column ${columnText(op.table, op.from)} to ${quoteDoubled(op.to)}`, advice }]),
    ...eachOp(context, 'rename_enum_label', (op): HazardFinding[] => [
      { code: 'RENAME', operation: op, what: `Renames label ${quoteLiteral(op.from)} of enum ${tableText(op.enumType)} to ${quoteLiteral(op.to)}`, advice: labelAdvice },
    ]),
    ...eachOp(context, 'rename_column_label', (op): HazardFinding[] => [
      { code: 'RENAME', operation: op, what: `Renames label ${quoteLiteral(op.from)} of ${columnText(op.table, op.column.name)} to ${quoteLiteral(op.to)}`, advice: labelAdvice },
    ]),
  ]
}
