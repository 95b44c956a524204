import type { DialectCapabilities } from '../dialect/dialect'
import { qualifiedKey } from '../model/qualified-name'
import type { IndexModel, QualifiedName } from '../model/schema-model'
import type { AlterColumn, Operation } from '../operations/operation'
import type { ColumnAspect } from './column-change'

/** isOnline says whether an operation is written in its online form (see Online), outside a transaction. */
export function isOnline(op: Operation): boolean {
  return 'online' in op && op.online === true
}

/**
 * inOnlineForms writes what `generate --online` writes online, where the database can (`capabilities`): on a
 * table the migration does not create, an index is built without blocking writes (`CREATE INDEX CONCURRENTLY`),
 * a unique built so and then attached, and a foreign key or check added `NOT VALID` and then validated, which
 * reads the rows without blocking writes, and a column is made NOT NULL through such a check, which the
 * database then reads instead of the rows (see notNullOnline). Those operations move, in their order, after all the others, which
 * never need them: the rest of the change runs first, in its transaction, and they run after it has committed.
 * A unique (or unique index) stays where it is when a foreign key the migration adds references its columns,
 * since the key needs it first. A table the migration creates is empty: its indexes and constraints stay as
 * they are. An index dropped is dropped without blocking reads and writes too (`DROP INDEX CONCURRENTLY`),
 * after the rest (see droppedLater).
 */
export function inOnlineForms(ops: readonly Operation[], capabilities: DialectCapabilities): Operation[] {
  const created = new Set(ops.flatMap((op) => (op.kind === 'create_table' ? [qualifiedKey(op.table)] : [])))
  const referenced = new Set(ops.flatMap((op) => (op.kind === 'add_foreign_key' ? [keyOf(
    { schema: op.foreignKey.referencedSchema, name: op.foreignKey.referencedTable }, op.foreignKey.referencedColumns)] : [])))
  const existing = (table: QualifiedName) => !created.has(qualifiedKey(table))
  const needed = (table: QualifiedName, columns: readonly string[]) => referenced.has(keyOf(table, columns))
  const canDropLater = droppedLater(ops)
  const online = (op: Operation): Operation | readonly Operation[] | undefined => {
    switch (op.kind) {
      case 'drop_index':
        return capabilities.concurrentIndexes === true && canDropLater(op.table, op.index) ? { ...op, online: true } : undefined
      case 'alter_column':
        return capabilities.notValidConstraints === true && existing(op.table) ? notNullOnline(op) : undefined
      case 'create_index':
        return capabilities.concurrentIndexes === true && existing(op.table) && !(op.index.unique && needed(op.table, op.index.columns)) ? { ...op, online: true } : undefined
      case 'add_unique':
        return capabilities.concurrentIndexes === true && existing(op.table) && !needed(op.table, op.unique.columns) ? { ...op, online: true } : undefined
      case 'add_foreign_key':
      case 'add_check':
        return capabilities.notValidConstraints === true && existing(op.table) ? { ...op, online: true } : undefined
      default:
        return undefined
    }
  }
  const written = ops.flatMap((op) => online(op) ?? op)
  return [...written.filter((op) => !isOnline(op)), ...written.filter(isOnline)]
}

/**
 * droppedLater says whether an index the migration drops may be dropped after the rest of it: not where the rest
 * gives its name to another index or constraint (of the schema: PostgreSQL's index names are the schema's), renames
 * or moves its table (the index would be elsewhere by then), or drops, renames or retypes one of its columns: `down`
 * builds the index again first, before the rest's `down` gives the column back, and a new type would build the
 * index again in `up` only for it to be dropped.
 */
function droppedLater(ops: readonly Operation[]): (table: QualifiedName, index: IndexModel) => boolean {
  const nameKey = (table: QualifiedName, name: string) => `${table.schema ?? ''}\0${name}`
  const claimed = new Set(ops.flatMap((op): string[] => {
    switch (op.kind) {
      case 'create_index': return [nameKey(op.table, op.index.name)]
      case 'add_unique': return [nameKey(op.table, op.unique.name)]
      case 'add_exclusion': return [nameKey(op.table, op.exclusion.name)]
      case 'add_primary_key': return op.primaryKey.name === undefined ? [] : [nameKey(op.table, op.primaryKey.name)]
      case 'rename_index':
      case 'rename_constraint': return [nameKey(op.table, op.to)]
      default: return []
    }
  }))
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
  return (table, index) =>
    !claimed.has(nameKey(table, index.name)) && !moved.has(qualifiedKey(table)) && !index.columns.some((column) => touched.has(columnKey(table, column)))
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
