import type { DialectCapabilities } from '../dialect/dialect'
import { quoteDoubled } from '../dialect/quote'
import { nameOf, sameName } from '../model/qualified-name'
import type { ColumnModel, QualifiedName } from '../model/schema-model'
import { isLiteralDefault } from '../model/literal-default'
import { alreadyUnique } from '../model/unique-keys'
import type { Operation } from '../operations/operation'
import { mentionsColumn } from '../operations/rename-identifier'
import type { HazardFinding } from './hazard-finding'
import { givesRowsAValue, implicitlyFilled } from './new-column-values'
import { namedAsInDatabase } from './predicate-names'
import { columnsText, tableText } from './hazard-names'
import type { RuleContext } from './rule-context'

/**
 * uniqueFindings: ADD_UNIQUE for a unique constraint, unique index (partial or not) or primary key added to a
 * table that exists already, unless the table already enforces uniqueness on those columns; counts duplicate
 * values (of a partial index, among the rows its predicate selects).
 */
export function uniqueFindings(context: RuleContext): HazardFinding[] {
  return context.input.changes.ops.flatMap((op, index): HazardFinding[] => {
    const added = addedUniqueness(op)
    if (added === undefined) return []
    const table = context.origins.table(index, added.table)
    if (table === undefined) return viewUniqueFindings(context, op, added)
    const origins = added.columns.map((c) => context.origins.column(index, added.table, c)?.column.name)
    const known = origins.every((c): c is string => c !== undefined)
    if (known && alreadyUnique(table, origins)) return []
    if (op.kind !== 'add_primary_key' && nullInEveryRow(context.input.changes.ops, added)) return []
    const filled = added.where === undefined && origins.every((c) => c === undefined)
      ? oneValueColumns(context.input.changes.ops, added, context.input.dialect.capabilities)
      : undefined
    if (filled !== undefined) return [sameValueUniqueFinding(op, added, nameOf(table), filled)]
    const asNamed = known && table.name === added.table.name && namedAsInDatabase(context, index, added.table, (column) => added.where !== undefined && mentionsColumn(added.where, column))
    const compared = known ? comparedAs(context.input.changes.ops, added, origins, table.collation) : undefined
    const countable = known && (added.where === undefined || asNamed) && compared !== 'uncountable'
    return [addUniqueFinding(op, added, countable ? { table: nameOf(table), columns: origins, ...compared } : undefined)]
  })
}

/**
 * comparedAs is how the values of `added`'s columns (`origins`, the database's names) compare once the migration has
 * changed their collation: the new one (a probe's `collated`) where one column is given another collation of its
 * charset, named or the table's (`tableCollation`), as the key then compares them (`'ceo'` and `'CEO'` repeat under
 * utf8mb4_general_ci, not under utf8mb4_bin); 'uncountable' where more change, or another charset; else undefined.
 */
function comparedAs(
  ops: readonly Operation[], added: AddedUniqueness, origins: readonly string[], tableCollation: string | undefined,
): { collated: { column: string; collation: string } } | 'uncountable' | undefined {
  const recollated = ops.flatMap((o) => {
    if (o.kind !== 'alter_column' || !sameName(o.table, added.table) || !o.changes.includes('collation')) return []
    const at = added.columns.indexOf(o.to.name)
    return at < 0 ? [] : [{ column: origins[at]!, from: o.from, to: o.to }]
  })
  if (recollated.length === 0) return undefined
  const [only] = recollated
  const collation = only!.to.collation ?? (only!.to.charset === undefined ? tableCollation : undefined)
  if (recollated.length > 1 || collation === undefined || only!.from.charset !== only!.to.charset) return 'uncountable'
  return { collated: { column: only!.column, collation } }
}

/** viewUniqueFindings: ADD_UNIQUE for a unique index added to a materialized view that exists already (its columns are never renamed). */
function viewUniqueFindings(context: RuleContext, op: Operation, added: AddedUniqueness): HazardFinding[] {
  const view = context.origins.materializedView(added.table)
  if (view === undefined || alreadyUnique({ indexes: view.indexes ?? [] }, added.columns)) return []
  return [addUniqueFinding(op, added, { table: nameOf(view), columns: added.columns })]
}

/**
 * addUniqueFinding is ADD_UNIQUE, counting the duplicates among the rows of `counted` where it is given (the
 * database's names, compared under the collation `collated` gives one; the count names the columns as the entities do).
 */
function addUniqueFinding(
  op: Operation, added: AddedUniqueness,
  counted: { readonly table: QualifiedName; readonly columns: readonly string[]; readonly collated?: { column: string; collation: string } } | undefined,
): HazardFinding {
  const among = added.where === undefined ? '' : ` among the rows where ${added.where}`
  const renamed = counted !== undefined && counted.columns.some((column, i) => column !== added.columns[i])
  return {
    code: 'ADD_UNIQUE', operation: op,
    what: `Adds ${added.noun} on ${tableText(added.table)} ${columnsText(added.columns)}, which fails while values repeat${among}`,
    advice: 'remove the duplicates first',
    ...(counted && { probe: { kind: 'duplicates', ...counted, ...(added.where !== undefined && { where: added.where }), ...(renamed && { named: added.columns }) } }),
  }
}

/**
 * oneValueColumns is the columns of `added`, all added by this migration with a literal default or filled with their
 * type's implicit default (see implicitlyFilled), which gives every existing row one value: undefined where any of
 * them is not (NULLs never repeat, an expression such as a uuid's may differ from row to row).
 */
function oneValueColumns(ops: readonly Operation[], added: AddedUniqueness, capabilities: DialectCapabilities): ColumnModel[] | undefined {
  const columns = added.columns.map((name) => addedColumn(ops, added.table, name))
  const oneValue = (c: ColumnModel | undefined): c is ColumnModel =>
    c !== undefined && c.computed === undefined && c.generated === undefined && (isLiteralDefault(c.default) || implicitlyFilled(c, capabilities))
  return columns.every(oneValue) ? columns : undefined
}

/**
 * nullInEveryRow says whether a column of `added` is one the migration adds that leaves the rows there NULL
 * (nullable, with no default, not generated or computed, filled by no copy): a key holding NULL never repeats.
 */
function nullInEveryRow(ops: readonly Operation[], added: AddedUniqueness): boolean {
  return added.columns.some((name) => {
    const column = addedColumn(ops, added.table, name)
    const filled = ops.some((o) => o.kind === 'copy_column' && sameName(o.table, added.table) && o.to.name === name)
    return column !== undefined && column.nullable && !givesRowsAValue(column) && column.computed === undefined && !filled
  })
}

/** addedColumn is the column `name` an add_column of `ops` adds to `table`, if one does. */
function addedColumn(ops: readonly Operation[], table: QualifiedName, name: string): ColumnModel | undefined {
  const adding = ops.find((o) => o.kind === 'add_column' && sameName(o.table, table) && o.column.name === name)
  return adding?.kind === 'add_column' ? adding.column : undefined
}

/** sameValueUniqueFinding is ADD_UNIQUE on columns every existing row gets one value in: it fails on a table of two rows or more. */
function sameValueUniqueFinding(op: Operation, added: AddedUniqueness, table: QualifiedName, columns: readonly ColumnModel[]): HazardFinding {
  const defaults = columns.map((c) => `${c.default ?? "its type's implicit default"} in ${quoteDoubled(c.name)}`).join(', ')
  const implicit = columns.every((c) => c.default === undefined)
  const whose = implicit ? "its type's implicit default" : columns.length === 1 ? "the new column's default" : "the new columns' defaults"
  const values = implicit ? columns.map((c) => quoteDoubled(c.name)).join(', ') : defaults
  return {
    code: 'ADD_UNIQUE', operation: op,
    what: `Adds ${added.noun} on ${tableText(added.table)} ${columnsText(added.columns)}, which fails while the table holds two rows or more: each gets ${whose} (${values})`,
    advice: 'add the column without the unique, fill it with distinct values, then add the unique in a later migration',
    probe: { kind: 'rows', table },
  }
}

interface AddedUniqueness {
  readonly table: QualifiedName
  readonly columns: readonly string[]
  readonly noun: string
  /** The predicate of a partial unique index. */
  readonly where?: string
}

function addedUniqueness(op: Operation): AddedUniqueness | undefined {
  switch (op.kind) {
    case 'add_unique':
      return { table: op.table, columns: op.unique.columns, noun: `unique constraint ${quoteDoubled(op.unique.name)}` }
    case 'create_index':
      return op.index.unique
        ? { table: op.table, columns: op.index.columns, noun: `unique index ${quoteDoubled(op.index.name)}`, ...(op.index.where !== undefined && { where: op.index.where }) }
        : undefined
    case 'add_primary_key':
      return { table: op.table, columns: op.primaryKey.columns, noun: 'a primary key' }
    default:
      return undefined
  }
}
