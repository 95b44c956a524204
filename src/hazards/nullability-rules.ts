import { quoteDoubled } from '../dialect/quote'
import { nameOf } from '../model/qualified-name'
import type { HazardFinding } from './hazard-finding'
import { columnText, tableText } from './hazard-names'
import { type RuleContext, eachOp } from './rule-context'

/** setNotNullFindings: SET_NOT_NULL for a column that becomes NOT NULL, counting the rows holding NULL. */
export function setNotNullFindings(context: RuleContext): HazardFinding[] {
  return eachOp(context, 'alter_column', (op, index): HazardFinding[] => {
    if (!op.changes.includes('nullability') || op.to.nullable) return []
    const origin = context.origins.column(index, op.table, op.from.name)
    const column = columnText(op.table, op.to.name)
    return [{
      code: 'SET_NOT_NULL', operation: op,
      what: `Makes ${column} NOT NULL, which fails while a row holds NULL there`,
      advice: `fill those rows first (UPDATE ... SET ${quoteDoubled(op.to.name)} = ... WHERE ${quoteDoubled(op.to.name)} IS NULL)`,
      ...(origin && { probe: { kind: 'nulls', table: nameOf(origin.table), column: origin.column.name } }),
    }]
  })
}

/**
 * addNotNullFindings: ADD_NOT_NULL_WITHOUT_DEFAULT for a NOT NULL column with no default and no generated
 * value added to a table that exists already (its rows would have nothing to hold; where the database gives
 * them its type's implicit default instead, they silently get that).
 */
export function addNotNullFindings(context: RuleContext): HazardFinding[] {
  const implicit = context.input.dialect.capabilities.implicitDefaults === true
  return eachOp(context, 'add_column', (op, index): HazardFinding[] => {
    const { column } = op
    if (column.nullable || column.default !== undefined || column.generated !== undefined || column.computed !== undefined) return []
    const table = context.origins.table(index, op.table)
    if (table === undefined) return []
    return [{
      code: 'ADD_NOT_NULL_WITHOUT_DEFAULT', operation: op,
      what: implicit
        ? `Adds ${columnText(op.table, column.name)} NOT NULL without a default: the rows ${tableText(op.table)} has silently get its type's implicit default (0, '', a zero date, the first ENUM label)`
        : `Adds ${columnText(op.table, column.name)} NOT NULL without a default, which fails if ${tableText(op.table)} has rows`,
      advice: 'give it a default, or add it nullable, fill it, and make it NOT NULL in a later migration',
      probe: { kind: 'rows', table: nameOf(table) },
    }]
  })
}
