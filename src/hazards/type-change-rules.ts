import type { TypeChange } from '../dialect/dialect'
import type { Probe } from '../dialect/probe'
import { nameOf } from '../model/qualified-name'
import type { ColumnModel, QualifiedName } from '../model/schema-model'
import type { ColumnAspect } from '../plan/column-change'
import type { HazardFinding } from './hazard-finding'
import { columnText, typeText } from './hazard-names'
import { type RuleContext, eachOp } from './rule-context'

const integerBounds: Readonly<Record<string, readonly [string, string]>> = {
  smallint: ['-32768', '32767'],
  integer: ['-2147483648', '2147483647'],
  bigint: ['-9223372036854775808', '9223372036854775807'],
}
const lengthTypes: ReadonlySet<string> = new Set(['varchar', 'char', 'varbit', 'bit'])

/** Conversion is a change of a column's type as the dialect classifies it, and how to count its values. */
export interface Conversion {
  readonly change: TypeChange
  /** probe asks the question `make` builds about the column as the database names it now (none for a new column). */
  probe(make: (table: QualifiedName, column: string) => Probe): { probe?: Probe }
}

/**
 * conversionOf classifies the change of a column from `from` to `to` by operation `index` (`changes` being
 * what changes), or is undefined when the type does not change, or only in a size the database does not
 * enforce (NO_SCHEMA_EFFECT's).
 */
export function conversionOf(
  context: RuleContext,
  index: number,
  table: QualifiedName,
  { from, to }: { readonly from: ColumnModel; readonly to: ColumnModel },
  changes: readonly ColumnAspect[],
): Conversion | undefined {
  const { capabilities, classifyTypeChange } = context.input.dialect
  if (!changes.includes('type') && !changes.includes('size')) return undefined
  if (!changes.includes('type') && capabilities.unenforcedTypeParameters === true) return undefined
  const origin = context.origins.column(index, table, from.name)
  return {
    change: classifyTypeChange(from, to),
    probe: (make) => (origin === undefined ? {} : { probe: make(nameOf(origin.table), origin.column.name) }),
  }
}

/**
 * typeChangeFindings: one of TYPE_CHANGE_SAFE, TYPE_CHANGE_REWRITE, TYPE_NARROWING or TYPE_CAST_MAY_FAIL for
 * each type change, as the dialect classifies it. A change of parameters alone that the database does not
 * enforce is left to NO_SCHEMA_EFFECT.
 */
export function typeChangeFindings(context: RuleContext): HazardFinding[] {
  const { capabilities } = context.input.dialect
  return eachOp(context, 'alter_column', (op, index): HazardFinding[] => {
    const { from, to } = op
    const conversion = conversionOf(context, index, op.table, op, op.changes)
    if (conversion === undefined) return []
    const { probe } = conversion
    const column = columnText(op.table, to.name)
    const types = `from ${typeText(from)} to ${typeText(to)}`
    switch (conversion.change) {
      case 'safe':
        return [{ code: 'TYPE_CHANGE_SAFE', operation: op, what: `Changes ${column} ${types}`, advice: 'stored values stay as they are' }]
      case 'rewrite':
        return [{
          code: 'TYPE_CHANGE_REWRITE', operation: op,
          what: `Changes ${column} ${types}, which converts every stored value and rewrites the table`,
          advice: 'run it when the table is quiet: writes to it wait until it is done',
          ...probe((t) => ({ kind: 'rows', table: t })),
        }]
      case 'narrowing':
        return [{
          code: 'TYPE_NARROWING', operation: op,
          what: `Changes ${column} ${types}, which may truncate, round or reject the values that do not fit`,
          advice: 'fix those values first, or keep the wider type',
          ...probe((t, c) => narrowingProbe(t, c, from, to)),
        }]
      case 'cast_may_fail':
        return [{
          code: 'TYPE_CAST_MAY_FAIL', operation: op,
          what: capabilities.looseTypes === true
            ? `Changes ${column} ${types}: values that do not convert are kept as they are, not as ${typeText(to)}`
            : `Changes ${column} ${types}, which fails if a value does not convert`,
          advice: 'fix the values that do not convert first, or convert them by hand in the migration',
          ...probe((t, c) => ({ kind: 'not_convertible', table: t, column: c, to })),
        }]
    }
  })
}

/** narrowingProbe counts the values that do not fit the narrower type. */
export function narrowingProbe(table: QualifiedName, column: string, from: ColumnModel, to: ColumnModel): Probe {
  if (lengthTypes.has(to.type)) return { kind: 'longer_than', table, column, length: to.length ?? 1 }
  const bounds = integerBounds[to.type]
  if (bounds !== undefined) {
    return from.type in integerBounds
      ? { kind: 'out_of_range', table, column, min: bounds[0], max: bounds[1] }
      : { kind: 'more_decimals', table, column, scale: 0 }
  }
  if (to.type === 'numeric' && to.precision !== undefined) {
    const scale = to.scale ?? 0
    const digits = to.precision - scale
    const fromDigits = from.type === 'numeric' && from.precision !== undefined ? from.precision - (from.scale ?? 0) : Infinity
    if (digits < fromDigits) {
      const max = `${digits > 0 ? '9'.repeat(digits) : '0'}${scale > 0 ? `.${'9'.repeat(scale)}` : ''}`
      return { kind: 'out_of_range', table, column, min: `-${max}`, max }
    }
    return { kind: 'more_decimals', table, column, scale }
  }
  return { kind: 'non_null', table, column }
}
