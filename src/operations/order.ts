import { compareText, qualifiedKey } from '../model/qualified-name'
import { ownedNames } from '../diff/taken-names'
import type { DialectCapabilities } from '../dialect/dialect'
import type { QualifiedName, TableModel } from '../model/schema-model'
import type { Operation, OperationKind } from './operation'
import { tableOf } from './operation'

// Phases run in this order so that every operation finds what it needs: table and column renames first, so
// that every later operation is stated under the new names (as the diff states them); index and constraint
// renames after the drops, so that a name a dropped object held can be taken (nothing else refers to those
// names); types before the columns that use them; foreign keys dropped before what they point at and added
// (or their deferral changed) after it exists. Reversing a list in this order gives a list that is valid as
// well: the renames back run before the dropped objects come back. Views are dropped before anything they
// read changes and created after everything they read exists; among themselves they keep the order given
// (the dependency order of src/diff/view-dependents), which no sort key overrides.
const phase: { readonly [K in OperationKind]: number } = {
  create_schema: 0,
  create_extension: 0,
  drop_view: 0.5,
  rename_table: 1,
  rename_column: 2,
  rename_enum_label: 2.5,
  rename_column_label: 2.5,
  rename_enum: 3,
  create_enum: 4,
  alter_enum: 6.5,
  drop_foreign_key: 5,
  drop_check: 6,
  drop_exclusion: 6,
  drop_unique: 6,
  drop_index: 6,
  drop_primary_key: 6,
  drop_table: 7,
  rename_index: 8,
  rename_constraint: 8,
  create_table: 9,
  add_column: 10,
  alter_column: 10,
  drop_column: 10,
  copy_column: 10,
  alter_table_comment: 10,
  alter_table_options: 10,
  add_primary_key: 11,
  add_unique: 11,
  add_check: 11,
  add_exclusion: 11,
  create_index: 11,
  add_foreign_key: 12,
  alter_foreign_key: 12,
  create_view: 12.5,
  replace_view: 12.5,
  drop_enum: 13,
  drop_extension: 14,
  drop_schema: 14,
}

/** OrderOptions adapt the order to the database. */
export interface OrderOptions {
  /**
   * A table's index drops run with its index creations, just before them, so that one ALTER TABLE carries both
   * and an index a foreign key needs can give way to the one that takes over (MySQL refuses to drop the last
   * index a foreign key can use), and so does the drop of a primary key the migration adds again (MySQL
   * refuses a table whose auto-increment column is in no key). Not an index or a key on a column the
   * migration drops: it goes with the column. A key that cannot wait for the creations (one over a column the
   * migration drops or changes) is dropped and added again among its table's column changes instead, first and
   * last: one ALTER TABLE still carries both.
   */
  readonly indexDropsWithCreations?: boolean
  /**
   * Drop tables, and the columns of tables the migration changes no further, after every other change but the
   * drops of enum types, extensions and schemas: where schema changes run outside transactions, a later
   * statement that fails (a narrowing, a new key the rows break) then stops the migration before any of their
   * values are gone. A table whose name, or the name of one of its indexes or constraints, the migration gives
   * to something else is still dropped in its place, and so is a column whose name it gives to another. The
   * columns of a table with other changes are dropped with them, in the one statement that changes the table.
   */
  readonly dropsLast?: boolean
}

/** orderOptionsFor are the OrderOptions a dialect's capabilities call for. */
export function orderOptionsFor(capabilities: DialectCapabilities): OrderOptions {
  return { dropsLast: !capabilities.transactionalDdl, indexDropsWithCreations: capabilities.foreignKeysNeedIndexes === true }
}

/** orderOperations sorts operations into execution order, deterministically (phase, table, object name). */
export function orderOperations(ops: readonly Operation[], options: OrderOptions = {}): Operation[] {
  const late = options.dropsLast === true ? new Set([...tablesDroppedLast(ops), ...columnsDroppedLast(ops)]) : new Set<Operation>()
  const withCreations = options.indexDropsWithCreations === true ? indexDropsWithCreations(ops) : new Set<Operation>()
  const keyWithColumns = options.indexDropsWithCreations === true ? keysRedefinedWithColumns(ops, withCreations) : new Set<Operation>()
  const phaseOf = (op: Operation) => (late.has(op) ? lateDrops : withCreations.has(op) ? phase.create_index : keyWithColumns.has(op) ? phase.add_column : phase[op.kind])
  const dropsFirst = (op: Operation) => (withCreations.has(op) ? 0 : 1)
  const expressionsChanging = tablesChangingExpressions(ops)
  const columnOrder = (op: Operation) => (keyWithColumns.has(op) ? (op.kind === 'drop_primary_key' ? -3 : 3) : generatedLast(op, expressionsChanging.has(tableKey(op))))
  const heirsFirst = inheritorsFirst(ops)
  const sorted = ops
    .map((op, index) => ({ op, index, table: tableKey(op), name: objectName(op) }))
    .sort((a, b) => phaseOf(a.op) - phaseOf(b.op) || heirsFirst(a.op) - heirsFirst(b.op) || compareText(a.table, b.table) || dropsFirst(a.op) - dropsFirst(b.op) ||
      columnOrder(a.op) - columnOrder(b.op) || compareText(a.name, b.name) || a.index - b.index)
  return addsInDeclaredOrder(sorted, (entry) => `${phaseOf(entry.op)} ${entry.table} ${columnOrder(entry.op)}`).map((entry) => entry.op)
}

/**
 * addsInDeclaredOrder puts the columns added to a table in the order `ops` list them (the entity's, as diffTable
 * lists them), in the places the sort gave those adds (the adds of one `group`): the database puts each added column
 * last, so the table then has them in the entity's order, as TypeORM adds them. An add whose column another
 * operation of the table names too (a column dropped and added again) keeps its place.
 */
function addsInDeclaredOrder<T extends { readonly op: Operation, readonly index: number, readonly table: string, readonly name: string }>(
  sorted: readonly T[], group: (entry: T) => string,
): T[] {
  const named = new Set(sorted.filter((e) => e.op.kind !== 'add_column').map((e) => `${e.table} ${e.name}`))
  const movable = (e: T) => e.op.kind === 'add_column' && !named.has(`${e.table} ${e.name}`)
  const slots = new Map<string, number[]>()
  sorted.forEach((e, at) => {
    if (movable(e)) slots.set(group(e), [...(slots.get(group(e)) ?? []), at])
  })
  const out = [...sorted]
  for (const places of slots.values()) {
    const declared = places.map((at) => sorted[at]!).sort((a, b) => a.index - b.index)
    places.forEach((at, i) => { out[at] = declared[i]! })
  }
  return out
}

/**
 * inheritorsFirst places the drop of a table before the drops of the tables it inherits (PostgreSQL refuses to drop
 * a table others inherit), deepest first; reversed, the tables are created again parents first.
 */
function inheritorsFirst(ops: readonly Operation[]): (op: Operation) => number {
  const dropped = new Map(ops.flatMap((op) => (op.kind === 'drop_table' ? [[qualifiedKey(op.table), op.table] as const] : [])))
  const depth = (table: TableModel, seen: ReadonlySet<string>): number => Math.max(0, ...(table.inherits ?? []).map((parent) => {
    const key = qualifiedKey(parent)
    const of = dropped.get(key)
    return of === undefined || seen.has(key) ? 0 : 1 + depth(of, new Set([...seen, key]))
  }))
  return (op) => (op.kind === 'drop_table' ? -depth(op.table, new Set([qualifiedKey(op.table)])) : 0)
}

/**
 * generatedLast places a generated column's add after the adds of the columns its expression may read, and its
 * drop before their drops: the database refuses an expression naming a column it does not have. In a table
 * where a column's generated expression changes (`changingExpression`), the change runs after the table's
 * column adds, which the new expression may read, and before its column drops, which the old one may read;
 * reversed, the order holds as well.
 */
function generatedLast(op: Operation, changingExpression: boolean): number {
  if (op.kind === 'add_column') return op.column.computed !== undefined ? 2 : changingExpression ? -1 : 0
  if (op.kind === 'drop_column') return op.column.computed !== undefined ? -2 : changingExpression ? 1 : 0
  return 0
}

/** tablesChangingExpressions are the tables (by tableKey) where `ops` change a column's generated expression. */
function tablesChangingExpressions(ops: readonly Operation[]): Set<string> {
  return new Set(ops.filter((op) => op.kind === 'alter_column' && op.changes.includes('computed')).map(tableKey))
}

/**
 * indexDropsWithCreations are the index and unique drops of tables that gain an index, unique or primary key,
 * and the primary key drops of tables that gain a primary key; not of an index or key on a column the migration
 * drops (or, for a key or a full-text index, changes), nor of one whose name a rename takes (renames run before).
 */
function indexDropsWithCreations(ops: readonly Operation[]): Set<Operation> {
  const creating = new Set(ops.flatMap((op) =>
    op.kind === 'create_index' || op.kind === 'add_unique' || op.kind === 'add_primary_key' ? [qualifiedKey(op.table)] : []))
  const dropped = new Set(ops.flatMap((op) => (op.kind === 'drop_column' ? [inTable(op.table, op.column.name)] : [])))
  const renamedTo = new Set(ops.flatMap((op) => (op.kind === 'rename_index' || op.kind === 'rename_constraint' ? [inTable(op.table, op.to)] : [])))
  const keyed = new Set(ops.flatMap((op) => (op.kind === 'add_primary_key' ? [qualifiedKey(op.table)] : [])))
  // A key column made nullable, or otherwise changed, needs the old key gone first.
  const altered = new Set(ops.flatMap((op) => (op.kind === 'alter_column' ? [inTable(op.table, op.from.name)] : [])))
  const retyped = new Set(ops.flatMap((op) => (op.kind === 'alter_column' && op.changes.includes('type') ? [inTable(op.table, op.from.name)] : [])))
  return new Set(ops.filter((op) => {
    if (op.kind === 'drop_primary_key') {
      return keyed.has(qualifiedKey(op.table)) && !op.primaryKey.columns.some((column) => dropped.has(inTable(op.table, column)) || altered.has(inTable(op.table, column)))
    }
    if (op.kind !== 'drop_index' && op.kind !== 'drop_unique') return false
    const { name, columns } = op.kind === 'drop_index' ? op.index : op.unique
    // A full-text index goes before a change of its columns, which may leave them a type it cannot hold (uuid), and
    // so does a plain index before a change of its columns' type (a TEXT column is too long for a whole key).
    const fullTextOfAltered = op.kind === 'drop_index' && op.index.method === 'fulltext' && columns.some((column) => altered.has(inTable(op.table, column)))
    const ofRetyped = op.kind === 'drop_index' && columns.some((column) => retyped.has(inTable(op.table, column)))
    return creating.has(qualifiedKey(op.table)) && !renamedTo.has(inTable(op.table, name)) && !fullTextOfAltered && !ofRetyped &&
      !columns.some((column) => dropped.has(inTable(op.table, column)))
  }))
}

/**
 * keysRedefinedWithColumns are the primary key drops that do not wait for the creations (see
 * indexDropsWithCreations), with the key adds of their tables.
 */
function keysRedefinedWithColumns(ops: readonly Operation[], withCreations: ReadonlySet<Operation>): Set<Operation> {
  const early = new Set(ops.flatMap((op) => (op.kind === 'drop_primary_key' && !withCreations.has(op) ? [qualifiedKey(op.table)] : [])))
  const keyed = new Set(ops.flatMap((op) => (op.kind === 'add_primary_key' ? [qualifiedKey(op.table)] : [])))
  return new Set(ops.filter((op) => (op.kind === 'drop_primary_key' || op.kind === 'add_primary_key') && early.has(tableKey(op)) && keyed.has(tableKey(op))))
}

// After every other table change, before the enum types a dropped table used go. Views come later still: planViews
// creates them after all of these.
const lateDrops = 12.75

/** tablesDroppedLast are the table drops of `ops` whose names, and those of their indexes and constraints, nothing else in `ops` takes. */
function tablesDroppedLast(ops: readonly Operation[]): Set<Operation> {
  const takenTables = new Set(ops.flatMap((op) =>
    op.kind === 'create_table' ? [qualifiedKey(op.table)] : op.kind === 'rename_table' ? [qualifiedKey(op.to)] : []))
  const givenNames = new Set(ops.flatMap(namesGiven))
  return new Set(ops.filter((op) =>
    op.kind === 'drop_table' && !takenTables.has(qualifiedKey(op.table)) && !ownedNames(op.table).some((name) => givenNames.has(name))))
}

/**
 * columnsDroppedLast are the column drops of `ops` on tables that nothing else in `ops` changes from the phase of
 * column changes on, and whose names no column rename takes.
 */
function columnsDroppedLast(ops: readonly Operation[]): Operation[] {
  const changedLater = new Set(ops.flatMap((op) => {
    const table = tableOf(op)
    return table !== undefined && op.kind !== 'drop_column' && phase[op.kind] >= phase.add_column ? [qualifiedKey(table)] : []
  }))
  const renamedTo = new Set(ops.flatMap((op) => (op.kind === 'rename_column' ? [inTable(op.table, op.to)] : [])))
  return ops.filter((op) =>
    op.kind === 'drop_column' && !changedLater.has(qualifiedKey(op.table)) && !renamedTo.has(inTable(op.table, op.column.name)))
}

/** namesGiven are the index and constraint names an operation gives. */
function namesGiven(op: Operation): string[] {
  switch (op.kind) {
    case 'create_table': return ownedNames(op.table)
    case 'create_index': return [op.index.name]
    case 'add_unique': return [op.unique.name]
    case 'add_check': return [op.check.name]
    case 'add_exclusion': return [op.exclusion.name]
    case 'add_foreign_key': return [op.foreignKey.name]
    case 'add_primary_key': return op.primaryKey.name === undefined ? [] : [op.primaryKey.name]
    case 'rename_index':
    case 'rename_constraint': return [op.to]
    default: return []
  }
}

/** inTable keys an object, a column or an index, by its table and name. */
function inTable(table: QualifiedName, name: string): string {
  return `${qualifiedKey(table)}\0${name}`
}

function tableKey(op: Operation): string {
  const table = tableOf(op)
  return table ? qualifiedKey(table) : ''
}

function objectName(op: Operation): string {
  switch (op.kind) {
    case 'create_schema':
    case 'drop_schema': return op.schema
    case 'create_extension':
    case 'drop_extension': return op.extension
    case 'create_enum':
    case 'drop_enum': return qualifiedKey(op.enumType)
    case 'alter_enum': return qualifiedKey(op.to)
    case 'rename_enum': return qualifiedKey(op.from)
    case 'rename_enum_label': return qualifiedKey(op.enumType)
    case 'create_table':
    case 'drop_table':
    case 'alter_table_comment':
    case 'alter_table_options': return ''
    case 'rename_table': return qualifiedKey(op.from)
    case 'add_column':
    case 'drop_column': return op.column.name
    case 'alter_column':
    case 'copy_column': return op.to.name
    case 'rename_column_label': return op.column.name
    case 'rename_column':
    case 'rename_index':
    case 'rename_constraint': return op.from
    case 'add_primary_key':
    case 'drop_primary_key': return ''
    case 'create_index':
    case 'drop_index': return op.index.name
    case 'add_unique':
    case 'drop_unique': return op.unique.name
    case 'add_foreign_key':
    case 'drop_foreign_key': return op.foreignKey.name
    case 'alter_foreign_key': return op.to.name
    case 'add_check':
    case 'drop_check': return op.check.name
    case 'add_exclusion':
    case 'drop_exclusion': return op.exclusion.name
    case 'create_view':
    case 'drop_view':
    case 'replace_view': return ''
  }
}

/**
 * afterTableRenames puts `ops` (already in execution order) into `ordered` right after its table renames: the
 * drops that free a name a column rename takes (see planWithRenames) run before every column rename.
 */
export function afterTableRenames(ordered: readonly Operation[], ops: readonly Operation[]): Operation[] {
  const at = ordered.findIndex((op) => phase[op.kind] > phase.rename_table)
  const cut = at < 0 ? ordered.length : at
  return [...ordered.slice(0, cut), ...ops, ...ordered.slice(cut)]
}
