import { quoteLiteral } from '../dialect/quote'
import { labelRenameFlagText } from '../diff/rename-flag-text'
import { nameOf } from '../model/qualified-name'
import type { AlterColumn } from '../operations/operation'
import type { QualifiedName, TableModel } from '../model/schema-model'
import type { HazardFinding } from './hazard-finding'
import { columnText, tableText, valuesText } from './hazard-names'
import { listOfValues } from '../model/type-text'
import { type RuleContext, eachOp } from './rule-context'

const advice = 'move those rows to another value first'

/**
 * enumValueFindings: ENUM_VALUE_REMOVED when an enum type loses labels (one finding per column using it) or,
 * where enums are per column, when a column's allowed values shrink; counts the rows holding them.
 */
export function enumValueFindings(context: RuleContext): HazardFinding[] {
  const { dialect } = context.input
  const typeChanges = eachOp(context, 'alter_enum', (op, index): HazardFinding[] => {
    const removed = op.from.values.filter((v) => !op.to.values.includes(v))
    if (removed.length === 0) return []
    const added = op.to.values.filter((v) => !op.from.values.includes(v))
    const what = `Removes ${valuesText(removed)} from enum ${tableText(op.to)}`
    const { users } = op
    if (users.length === 0) return [{ code: 'ENUM_VALUE_REMOVED', operation: op, what, advice: 'no column uses the type' }]
    return users.map(({ table, column }): HazardFinding => {
      const origin = context.origins.column(index, table, column.name)
      return {
        code: 'ENUM_VALUE_REMOVED', operation: op, column: { table, name: column.name }, advice: adviceFor(table, column.name, removed, added),
        what: `${what}, which fails while rows of ${columnText(table, column.name)} hold them`,
        ...(origin && {
          probe: { kind: 'holds_values', table: nameOf(origin.table), column: origin.column.name, values: removed, isArray: column.isArray === true },
        }),
      }
    })
  })
  if (dialect.capabilities.enumTypes) return typeChanges
  const columnChanges = eachOp(context, 'alter_column', (op, index): HazardFinding[] => {
    const origin = context.origins.column(index, op.table, op.from.name)
    if (op.from.enumValues === undefined && op.to.enumValues !== undefined && !typeChangeTestsLabels(op)) {
      // A plain column (SQLite's varchar, or an integer there) becomes an enum: its check takes only the labels.
      return [{
        code: 'ENUM_VALUE_REMOVED', operation: op, advice,
        what: `Restricts ${columnText(op.table, op.to.name)} to ${valuesText(op.to.enumValues)}, which fails while rows hold other values`,
        ...(origin && { probe: { kind: 'not_convertible', table: nameOf(origin.table), column: origin.column.name, from: op.from, to: op.to } }),
      }]
    }
    if (op.to.enumValues === undefined) return []
    const keyOf = labelKeyOf(context, op, origin?.table)
    const kept = new Set(op.to.enumValues.map(keyOf))
    const removed = (op.from.enumValues ?? []).filter((v) => !kept.has(keyOf(v)))
    if (removed.length === 0) return []
    const held = new Set((op.from.enumValues ?? []).map(keyOf))
    const added = op.to.enumValues.filter((v) => !held.has(keyOf(v)))
    return [{
      code: 'ENUM_VALUE_REMOVED', operation: op, advice: adviceFor(op.table, op.to.name, removed, added),
      what: `Removes ${valuesText(removed)} from the values ${columnText(op.table, op.to.name)} accepts, which fails while rows hold them`,
      ...(origin && { probe: { kind: 'holds_values', table: nameOf(origin.table), column: origin.column.name, values: removed } }),
    }]
  })
  return [...typeChanges, ...columnChanges]

  /** typeChangeTestsLabels: the column's type changes in a way whose own finding counts the values against the labels. */
  function typeChangeTestsLabels(op: AlterColumn): boolean {
    if (!op.changes.includes('type')) return false
    const change = dialect.classifyTypeChange(op.from, op.to)
    return change === 'cast_may_fail' || change === 'label_positions' || change === 'label_bits'
  }
}

/**
 * enumReorderFindings: ENUM_REORDERED where a column's ENUM stores positions (capabilities.enumPositions) and
 * its labels are reordered, or a label is inserted anywhere but the end: every stored value is renumbered (the
 * table is copied) and ORDER BY the column sorts in the new order. So for a SET, which stores a bit per position:
 * its values' numbers change, and their order where labels are reordered (a label inserted keeps it). Counts the values concerned. Where enums
 * are types of their own, see enumTypeReorderFindings.
 */
export function enumReorderFindings(context: RuleContext): HazardFinding[] {
  if (context.input.dialect.capabilities.enumTypes) return enumTypeReorderFindings(context)
  if (context.input.dialect.capabilities.enumPositions !== true) return []
  return eachOp(context, 'alter_column', (op, index): HazardFinding[] => {
    const labelled = op.from.type === op.to.type && (op.to.type === 'enum' || op.to.type === 'set')
    const from = labelled ? op.from.enumValues : undefined
    const to = labelled ? op.to.enumValues : undefined
    if (from === undefined || to === undefined) return []
    const origin = context.origins.column(index, op.table, op.from.name)
    const keyOf = labelKeyOf(context, op, origin?.table)
    if (!reorders(from.map(keyOf), to.map(keyOf))) return []
    const change = `Changes the labels of ${columnText(op.table, op.to.name)} from ${listOfValues(from)} to ${listOfValues(to)}, `
    // A SET stores one bit per label: a label inserted shifts the bits after it, which keeps their order.
    const bits = 'which renumbers the bits of every stored value (the table is copied): a number written to or read from the column ' +
      `(\`${op.to.name} + 0\`, \`${op.to.name} & 4\`) means other labels` +
      (keptInOrder(from.map(keyOf), to.map(keyOf)) ? '' : ', and ORDER BY sorts the column in the new order')
    return [{
      code: 'ENUM_REORDERED', operation: op,
      what: change + (op.to.type === 'set' ? bits : 'which renumbers every stored value (the table is copied) and changes how ORDER BY sorts the column'),
      advice: 'add new labels at the end instead, unless the new order is meant',
      ...(origin && { probe: { kind: 'non_null', table: nameOf(origin.table), column: origin.column.name } }),
    }]
  })
}

/**
 * enumTypeReorderFindings: ENUM_REORDERED where an enum type's kept labels change order (an entity's enum
 * members sorted, say): the type is made again and every column using it converted into it, which rewrites
 * each table under its lock, and ORDER BY and comparisons of the column follow the new order. A label added
 * anywhere (`ADD VALUE ... BEFORE`) keeps the others' order and rewrites nothing. Counts each table's rows.
 */
function enumTypeReorderFindings(context: RuleContext): HazardFinding[] {
  return eachOp(context, 'alter_enum', (op, index): HazardFinding[] => {
    if (keptInOrder(op.from.values, op.to.values)) return []
    return op.users.map(({ table, column }): HazardFinding => {
      const origin = context.origins.column(index, table, column.name)
      return {
        code: 'ENUM_REORDERED', operation: op,
        what: `Changes the order of the labels of enum ${tableText(op.to)} from ${listOfValues(op.from.values)} to ${listOfValues(op.to.values)}, ` +
          `which makes the type again and converts ${columnText(table, column.name)} into it, rewriting the table while writes to it wait, ` +
          'and changes how ORDER BY and comparisons sort the column',
        advice: 'keep the labels in their order (add new ones where they belong), unless the new order is meant',
        ...(origin && { probe: { kind: 'rows', table: nameOf(origin.table) } }),
      }
    })
  })
}

/**
 * labelKeyOf is how the column's stored values are matched to its new labels as it changes (see
 * Dialect.enumLabelKey), under its new collation, else that of `table`, its table before the change.
 */
function labelKeyOf(context: RuleContext, op: AlterColumn, table: TableModel | undefined): (label: string) => string {
  const key = context.input.dialect.enumLabelKey
  if (key === undefined) return (label) => label
  const collation = op.to.collation ?? table?.collation
  return (label) => key(label, collation)
}

/**
 * reorders: the labels kept change order, or new labels push a kept one to a later position. A label put in
 * the place of a removed one (`('draft', 'publish')` made `('unpublished', 'publish')`) moves none.
 */
function reorders(from: readonly string[], to: readonly string[]): boolean {
  return !keptInOrder(from, to) || to.some((v, i) => from.includes(v) && i > from.indexOf(v))
}

/** keptInOrder: the labels both lists hold come in the same order in each. */
function keptInOrder(from: readonly string[], to: readonly string[]): boolean {
  const kept = to.filter((v) => from.includes(v))
  return from.filter((v) => to.includes(v)).every((v, i) => kept[i] === v)
}

/**
 * adviceFor says to move the rows holding removed labels, or, where labels are added too, to state a label's
 * rename: the very flag where one label goes and one comes.
 */
function adviceFor(table: QualifiedName, column: string, removed: readonly string[], added: readonly string[]): string {
  if (added.length === 0) return advice
  const statement = removed.length === 1 && added.length === 1
    ? `@RenamedLabel(${quoteLiteral(removed[0]!)}, ${quoteLiteral(added[0]!)}) on the column, or ${labelRenameFlagText(table, column, removed[0]!, added[0]!)}`
    : `@RenamedLabel('old', 'new') on the column, or ${labelRenameFlagText(table, column, 'old', 'new')}`
  return `${advice}, or, where a label was renamed, state it: ${statement}`
}
