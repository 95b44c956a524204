import type { Probe } from '../dialect/probe'
import { nameOf, sameName } from '../model/qualified-name'
import type { AlterColumn, CopyColumn } from '../operations/operation'
import type { HazardFinding } from './hazard-finding'
import { columnText, tableText } from './hazard-names'
import { type RuleContext, eachOp } from './rule-context'
import { implicitlyFilled } from './new-column-values'

/**
 * setNotNullFindings: SET_NOT_NULL for a column that becomes NOT NULL, counting the rows holding NULL. Where
 * the migration copies another column into it first (expand and contract), the rows it leaves NULL are
 * counted: those NULL in the source too.
 */
export function setNotNullFindings(context: RuleContext): HazardFinding[] {
  const copies = context.input.changes.ops.flatMap((op, index) => (op.kind === 'copy_column' ? [{ op, index }] : []))
  return eachOp(context, 'alter_column', (op, index): HazardFinding[] => {
    if (!op.changes.includes('nullability') || op.to.nullable) return []
    const column = columnText(op.table, op.to.name)
    // The copy into this column, named as it is then: a contract copies into `score__new`, then renames it `score`.
    const target = context.origins.column(index, op.table, op.from.name)
    const copiedInto = (c: (typeof copies)[number]) => {
      if (target === undefined) return sameName(c.op.table, op.table) && c.op.to.name === op.from.name
      const into = context.origins.column(c.index, c.op.table, c.op.to.name)
      return into !== undefined && into.table === target.table && into.column.name === target.column.name
    }
    const copy = copies.filter((c) => c.index < index && copiedInto(c)).at(-1)
    // A copy into every row (a contract's into `score__new`), or into a column added empty, leaves NULL where its
    // source holds NULL, whatever the column held before: the source is the column to fill.
    const source = copy !== undefined && (copy.op.rows === 'all' || target === undefined)
      ? context.origins.column(copy.index, copy.op.table, copy.op.from.name) : undefined
    // Filled before the migration runs, the column has the name it has in the database: a rename in the same
    // migration (which a SQLite rebuild makes in the same step) has not run yet. In the database's own quotes:
    // MySQL reads "name" as a string, and the advice would set nothing.
    const name = context.input.dialect.quoteIdent(source?.column.name ?? target?.column.name ?? op.to.name)
    return [{
      code: 'SET_NOT_NULL', operation: op,
      what: `Makes ${column} NOT NULL, which fails while a row holds NULL there`,
      advice: `fill those rows first (UPDATE ... SET ${name} = ... WHERE ${name} IS NULL)`,
      ...nullsProbe(context, index, op, copy),
    }]
  })
}

/** nullsProbe counts the rows NULL in the column when `op` runs, after `copy` into it, if any, ran. */
function nullsProbe(context: RuleContext, index: number, op: AlterColumn, copy: { readonly op: CopyColumn; readonly index: number } | undefined): { readonly probe?: Probe } {
  const origin = context.origins.column(index, op.table, op.from.name)
  if (copy === undefined) {
    if (origin === undefined) return {}
    const named = origin.column.name === op.to.name ? {} : { named: op.to.name }
    return { probe: { kind: 'nulls', table: nameOf(origin.table), column: origin.column.name, ...named } }
  }
  const source = context.origins.column(copy.index, copy.op.table, copy.op.from.name)
  if (source === undefined) return {}
  // Copied into every row (or into a column added empty): NULL where the source is. Into the empty rows: where both are.
  if (copy.op.rows === 'all' || origin === undefined) return { probe: { kind: 'nulls', table: nameOf(source.table), column: source.column.name } }
  return { probe: { kind: 'nulls', table: nameOf(origin.table), column: origin.column.name, alsoIn: source.column.name } }
}

/**
 * addNotNullFindings: ADD_NOT_NULL_WITHOUT_DEFAULT for a NOT NULL column with no default and no generated
 * value added to a table that exists already (its rows would have nothing to hold; where the database gives
 * them its type's implicit default instead, they silently get that, but for a type that has none).
 */
export function addNotNullFindings(context: RuleContext): HazardFinding[] {
  return eachOp(context, 'add_column', (op, index): HazardFinding[] => {
    const { column } = op
    if (column.nullable || column.default !== undefined || column.generated !== undefined || column.computed !== undefined) return []
    const table = context.origins.table(index, op.table)
    if (table === undefined) return []
    const implicit = implicitlyFilled(column, context.input.dialect.capabilities)
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
