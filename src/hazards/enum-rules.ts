import { nameOf, sameName } from '../model/qualified-name'
import type { ColumnModel, TableModel } from '../model/schema-model'
import { applyOperations } from '../operations/apply'
import type { HazardFinding } from './hazard-finding'
import { columnText, tableText, valuesText } from './hazard-names'
import { type RuleContext, eachOp } from './rule-context'

const advice = 'move those rows to another value first'

/**
 * enumValueFindings: ENUM_VALUE_REMOVED when an enum type loses labels (one finding per column using it) or,
 * where enums are per column, when a column's allowed values shrink; counts the rows holding them.
 */
export function enumValueFindings(context: RuleContext): HazardFinding[] {
  const { ops, before, dialect } = context.input
  const typeChanges = eachOp(context, 'alter_enum', (op, index): HazardFinding[] => {
    const removed = op.from.values.filter((v) => !op.to.values.includes(v))
    if (removed.length === 0) return []
    const what = `Removes ${valuesText(removed)} from enum ${tableText(op.to)}`
    const state = applyOperations(before, ops.slice(0, index))
    const users = state.tables.flatMap((t) => t.columns.filter((c) => usesEnum(t, c, op.to)).map((c) => ({ table: t, column: c })))
    if (users.length === 0) return [{ code: 'ENUM_VALUE_REMOVED', operation: op, what, advice: 'no column uses the type' }]
    return users.map(({ table, column }): HazardFinding => {
      const origin = context.origins.column(index, table, column.name)
      return {
        code: 'ENUM_VALUE_REMOVED', operation: op, advice,
        what: `${what}, which fails while rows of ${columnText(table, column.name)} hold them`,
        ...(origin && {
          probe: { kind: 'holds_values', table: nameOf(origin.table), column: origin.column.name, values: removed, isArray: column.isArray === true },
        }),
      }
    })
  })
  if (dialect.capabilities.enumTypes) return typeChanges
  const columnChanges = eachOp(context, 'alter_column', (op, index): HazardFinding[] => {
    const removed = (op.from.enumValues ?? []).filter((v) => op.to.enumValues !== undefined && !op.to.enumValues.includes(v))
    if (removed.length === 0) return []
    const origin = context.origins.column(index, op.table, op.from.name)
    return [{
      code: 'ENUM_VALUE_REMOVED', operation: op, advice,
      what: `Removes ${valuesText(removed)} from the values ${columnText(op.table, op.to.name)} accepts, which fails while rows hold them`,
      ...(origin && { probe: { kind: 'holds_values', table: nameOf(origin.table), column: origin.column.name, values: removed } }),
    }]
  })
  return [...typeChanges, ...columnChanges]
}

function usesEnum(table: TableModel, column: ColumnModel, enumType: { readonly schema?: string; readonly name: string }): boolean {
  return column.enumName === enumType.name && sameName({ schema: table.schema, name: enumType.name }, enumType)
}
