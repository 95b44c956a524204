import type { DialectCapabilities } from '../dialect/dialect'
import { takenNames } from '../diff/taken-names'
import { qualifiedKey, sameName } from '../model/qualified-name'
import type { QualifiedName, SchemaModel } from '../model/schema-model'
import type { AlterColumn, Operation, OperationOf } from '../operations/operation'
import type { ColumnAspect } from './column-change'

/** isOnline says whether an operation is written in its online form (see Online), outside a transaction. */
export function isOnline(op: Operation): boolean {
  return 'online' in op && op.online === true
}

/** Where inOnlineForms writes: what the database has before the change, and the name it keeps of a name given (see Dialect.storedName). */
export interface OnlineContext {
  readonly capabilities: DialectCapabilities
  readonly before: SchemaModel
  readonly storedName?: (name: string) => string
}

/**
 * inOnlineForms writes what `generate --online` writes online, where the database can (`capabilities`): on a
 * table the migration does not create, an index is built without blocking writes (`CREATE INDEX CONCURRENTLY`),
 * a unique built so and then attached, and a foreign key or check added `NOT VALID` and then validated, which
 * reads the rows without blocking writes, and a column is made NOT NULL through such a check, which the
 * database then reads instead of the rows (see notNullOnline). Those operations move after all the others,
 * which never need them: the rest of the change runs first, in its transaction, and they run after it has
 * committed. The constraints come first, in their order: a foreign key or check the change replaces (dropped in
 * the transaction) is missing only until then, not while indexes build. The indexes and uniques follow, in their
 * order. A unique (or unique index) that a foreign key the migration adds references stays in the transaction
 * where the key does (on a table the migration creates), since the key needs it first, and where it replaces a
 * unique on its columns (the key would take the old one's index); else a key added online is added after the
 * uniques it references are built. A table the migration creates is empty: its indexes and
 * constraints stay as they are; so do the indexes, uniques and foreign keys of a partitioned table, which the
 * database cannot build online. An index or unique dropped is dropped without blocking reads and writes too
 * (`DROP INDEX CONCURRENTLY`), last, so that the index it replaces serves (and the unique enforces) until the
 * new one is built (see droppedLater). One replaced by an index or unique of its own name is renamed out of the
 * way in the transaction, and that name dropped last (see replacedInPlace).
 */
export function inOnlineForms(ops: readonly Operation[], context: OnlineContext): Operation[] {
  const { capabilities } = context
  const created = new Set(ops.flatMap((op) => (op.kind === 'create_table' ? [qualifiedKey(op.table)] : [])))
  const existing = (table: QualifiedName) => !created.has(qualifiedKey(table))
  const partitioned = partitionedTables(context.before, ops)
  // PostgreSQL builds no index concurrently on a partitioned table, and adds it no foreign key NOT VALID.
  const indexedOnline = (table: QualifiedName) => capabilities.concurrentIndexes === true && existing(table) && !partitioned.has(qualifiedKey(table))
  const keyedOnline = (op: OperationOf<'add_foreign_key'>) => capabilities.notValidConstraints === true && existing(op.table) && !partitioned.has(qualifiedKey(op.table))
  // A foreign key added in the transaction needs the unique it references there; one added online follows it,
  // but where a unique on those columns is dropped, as it would take the old one's index, which the drop then needs.
  const replacedKeys = new Set(ops.flatMap((op) => (op.kind === 'drop_unique' ? [keyOf(op.table, op.unique.columns)]
    : op.kind === 'drop_index' && op.index.unique ? [keyOf(op.table, op.index.columns)] : [])))
  const referenced = new Set(ops.flatMap((op) => (op.kind === 'add_foreign_key' && (!keyedOnline(op) || replacedKeys.has(referencedKey(op))) ? [referencedKey(op)] : [])))
  const needed = (table: QualifiedName, columns: readonly string[]) => referenced.has(keyOf(table, columns))
  const onlineForm = (op: Operation): Operation | readonly Operation[] | undefined => {
    switch (op.kind) {
      case 'alter_column':
        return capabilities.notValidConstraints === true && existing(op.table) ? notNullOnline(op) : undefined
      case 'create_index':
        return indexedOnline(op.table) && !(op.index.unique && needed(op.table, op.index.columns)) ? { ...op, online: true } : undefined
      case 'add_unique':
        return indexedOnline(op.table) && !needed(op.table, op.unique.columns) ? { ...op, online: true } : undefined
      case 'add_foreign_key':
        return keyedOnline(op) ? { ...op, online: true } : undefined
      case 'add_check':
        return capabilities.notValidConstraints === true && existing(op.table) ? { ...op, online: true } : undefined
      default:
        return undefined
    }
  }
  const written = ops.map((op) => onlineForm(op) ?? op)
  const dropLater = capabilities.concurrentIndexes === true ? droppedLater(ops, written, partitioned) : () => 'stays' as const
  const replacements = replacedInPlace(ops, context)
  const uniqueBuilt = new Set(written.flat().flatMap((op) => (!isOnline(op) ? []
    : op.kind === 'add_unique' ? [keyOf(op.table, op.unique.columns)]
      : op.kind === 'create_index' && op.index.unique ? [keyOf(op.table, op.index.columns)] : [])))
  const inTransaction: Operation[] = []
  const constrained: Operation[] = []
  const built: Operation[] = []
  const keyedAfterBuilt: Operation[] = []
  const droppedLast: Operation[] = []
  for (const op of written.flat()) {
    const when = isIndexDrop(op) ? dropLater(op) : 'stays'
    if (isIndexDrop(op) && when === 'later') {
      droppedLast.push({ ...op, online: true })
    } else if (isIndexDrop(op) && when === 'replaced') {
      const [rename, dropRenamed] = replacements(op)
      inTransaction.push(rename)
      droppedLast.push(dropRenamed)
    } else if (op.kind === 'add_foreign_key' && isOnline(op) && uniqueBuilt.has(referencedKey(op))) {
      keyedAfterBuilt.push(op)
    } else {
      (!isOnline(op) ? inTransaction : op.kind === 'create_index' || op.kind === 'add_unique' ? built : constrained).push(op)
    }
  }
  return [...inTransaction, ...constrained, ...built, ...keyedAfterBuilt, ...droppedLast]
}

/** referencedKey names the columns a foreign key references, in their table (see keyOf). */
function referencedKey(op: OperationOf<'add_foreign_key'>): string {
  return keyOf({ schema: op.foreignKey.referencedSchema, name: op.foreignKey.referencedTable }, op.foreignKey.referencedColumns)
}

/**
 * droppedLater says when an index or unique the migration drops may be dropped: `later`, after the rest of it and
 * after what it builds online; `replaced`, where the rest builds online an index or unique of its name on its
 * table, and nothing else claims the name (see replacedInPlace); else it `stays` where it is. It stays where its
 * table is partitioned (no index of one is dropped concurrently), where the rest gives its name to another index
 * or constraint (of the schema: PostgreSQL's index names are the schema's), renames or moves its table (the index
 * would be elsewhere by then), or drops, renames or retypes one of its columns: `down` builds the index again
 * first, before the rest's `down` gives the column back, and a new type would build the index again in `up` only
 * for it to be dropped.
 */
function droppedLater(ops: readonly Operation[], written: readonly (Operation | readonly Operation[])[], partitioned: ReadonlySet<string>): (drop: IndexDrop) => 'later' | 'replaced' | 'stays' {
  const nameKey = (table: QualifiedName, name: string) => `${table.schema ?? ''}\0${name}`
  const claims = new Map<string, Operation[]>()
  ops.forEach((op, i) => {
    const name = claimedName(op)
    if (name === undefined || !('table' in op)) return
    const key = nameKey(op.table, name)
    claims.set(key, [...(claims.get(key) ?? []), ...[written[i]!].flat()])
  })
  const moved = new Set(ops.flatMap((op) => (op.kind === 'rename_table' ? [qualifiedKey(op.from)] : [])))
  const columnKey = (table: QualifiedName, column: string) => `${qualifiedKey(table)}\0${column}`
  const touched = new Set(ops.flatMap((op): string[] => {
    switch (op.kind) {
      case 'drop_column': return [columnKey(op.table, op.column.name)]
      case 'rename_column': return [columnKey(op.table, op.from), columnKey(op.table, op.to)]
      case 'alter_column': return op.changes.some((c) => c === 'type' || c === 'size') ? [columnKey(op.table, op.from.name)] : []
      default: return []
    }
  }))
  return (drop) => {
    const { table } = drop
    const dropped = drop.kind === 'drop_index' ? drop.index : drop.unique
    if (moved.has(qualifiedKey(table)) || partitioned.has(qualifiedKey(table)) || dropped.columns.some((column) => touched.has(columnKey(table, column)))) return 'stays'
    const claimedBy = claims.get(nameKey(table, dropped.name)) ?? []
    if (claimedBy.length === 0) return 'later'
    const [claim] = claimedBy
    const builtOnline = claimedBy.length === 1 && (claim!.kind === 'create_index' || claim!.kind === 'add_unique') && isOnline(claim!) && sameName(claim!.table, table)
    return builtOnline ? 'replaced' : 'stays'
  }
}

/** partitionedTables are the keys of the tables partitioned before the change (see TableModel.partitioning), under the names the change gives them too. */
function partitionedTables(before: SchemaModel, ops: readonly Operation[]): ReadonlySet<string> {
  const keys = new Set(before.tables.filter((t) => t.partitioning !== undefined).map(qualifiedKey))
  for (const op of ops) if (op.kind === 'rename_table' && keys.has(qualifiedKey(op.from))) keys.add(qualifiedKey(op.to))
  return keys
}

/** IndexDrop drops an index, or a unique (whose index goes with it). */
type IndexDrop = OperationOf<'drop_index'> | OperationOf<'drop_unique'>

const isIndexDrop = (op: Operation): op is IndexDrop => op.kind === 'drop_index' || op.kind === 'drop_unique'

/** claimedName is the index or constraint name an operation gives. */
function claimedName(op: Operation): string | undefined {
  switch (op.kind) {
    case 'create_index': return op.index.name
    case 'add_unique': return op.unique.name
    case 'add_exclusion': return op.exclusion.name
    case 'add_primary_key': return op.primaryKey.name
    case 'rename_index':
    case 'rename_constraint': return op.to
    default: return undefined
  }
}

/**
 * replacedInPlace writes the drop of an index or unique that one of its own name replaces as a rename in the
 * transaction, to `<name>_old` (or `_old2`, ... where that is taken), and the drop of the renamed one, online and
 * last: the old one serves until the new one is built. `down` builds the old one again under the passing name,
 * drops the new one, and renames the old one back.
 */
function replacedInPlace(ops: readonly Operation[], context: OnlineContext): (op: IndexDrop) => [Operation, Operation] {
  const taken = namesOf(context.before, ops)
  const fits = (name: string) => (context.storedName?.(name) ?? name) === name
  return (op) => {
    const name = op.kind === 'drop_index' ? op.index.name : op.unique.name
    const schemaNames = taken.get(op.table.schema ?? '') ?? new Set<string>()
    let passing: string
    for (let n = 1; ; n++) {
      passing = suffixedToFit(name, n === 1 ? '_old' : `_old${n}`, fits)
      if (!schemaNames.has(passing)) break
    }
    schemaNames.add(passing)
    taken.set(op.table.schema ?? '', schemaNames)
    if (op.kind === 'drop_index') {
      return [
        { kind: 'rename_index', table: op.table, from: name, to: passing, index: op.index },
        { kind: 'drop_index', table: op.table, index: { ...op.index, name: passing }, online: true },
      ]
    }
    return [
      { kind: 'rename_constraint', constraint: 'unique', table: op.table, from: name, to: passing, unique: op.unique },
      { kind: 'drop_unique', table: op.table, unique: { ...op.unique, name: passing }, online: true },
    ]
  }
}

/** namesOf are the names each schema holds before the change (tables, views and theirs) and those the change gives. */
function namesOf(before: SchemaModel, ops: readonly Operation[]): Map<string, Set<string>> {
  const taken = takenNames(before)
  const add = (schema: string | undefined, name: string) => {
    const names = taken.get(schema ?? '') ?? new Set<string>()
    names.add(name)
    taken.set(schema ?? '', names)
  }
  for (const view of before.views) for (const name of [view.name, ...(view.indexes ?? []).map((i) => i.name)]) add(view.schema, name)
  for (const op of ops) {
    const name = claimedName(op)
    if (name !== undefined && 'table' in op) add(op.table.schema, name)
  }
  return taken
}

/** suffixedToFit is `name` + `suffix`, `name` cut as little as the database needs for the whole to be kept as given. */
function suffixedToFit(name: string, suffix: string, fits: (name: string) => boolean): string {
  let kept = [...name]
  while (kept.length > 0 && !fits(kept.join('') + suffix)) kept = kept.slice(0, -1)
  return kept.join('') + suffix
}

/** keyOf names a table's set of columns, in any order. */
function keyOf(table: QualifiedName, columns: readonly string[]): string {
  return `${qualifiedKey(table)}\0${[...columns].sort().join('\0')}`
}

/** What a column may change besides its nullability for the NOT NULL to be set apart: none of them rewrites the table. */
const besideNotNull: readonly ColumnAspect[] = ['nullability', 'default', 'comment', 'onUpdate']

/**
 * notNullOnline cuts a change that makes a column NOT NULL in two: the rest of the change, in place, and the NOT
 * NULL alone, online. Not where the change rewrites the table anyway (a new type), which checks the rows then.
 */
function notNullOnline(op: AlterColumn): readonly Operation[] | undefined {
  if (!op.changes.includes('nullability') || op.to.nullable || !op.from.nullable) return undefined
  if (!op.changes.every((aspect) => besideNotNull.includes(aspect))) return undefined
  const between = { ...op.to, nullable: true }
  const rest = op.changes.filter((aspect) => aspect !== 'nullability')
  return [
    ...(rest.length === 0 ? [] : [{ ...op, to: between, changes: rest }]),
    { kind: 'alter_column', table: op.table, from: rest.length === 0 ? op.from : between, to: op.to, changes: ['nullability'], online: true },
  ]
}
