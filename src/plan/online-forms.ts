import type { DialectCapabilities } from '../dialect/dialect'
import { qualifiedKey } from '../model/qualified-name'
import type { QualifiedName } from '../model/schema-model'
import type { Operation } from '../operations/operation'

/** isOnline says whether an operation is written in its online form (see Online), outside a transaction. */
export function isOnline(op: Operation): boolean {
  return 'online' in op && op.online === true
}

/**
 * inOnlineForms writes what `generate --online` writes online, where the database can (`capabilities`): on a
 * table the migration does not create, an index is built without blocking writes (`CREATE INDEX CONCURRENTLY`),
 * a unique built so and then attached, and a foreign key or check added `NOT VALID` and then validated, which
 * reads the rows without blocking writes. Those operations move, in their order, after all the others, which
 * never need them: the rest of the change runs first, in its transaction, and they run after it has committed.
 * A unique (or unique index) stays where it is when a foreign key the migration adds references its columns,
 * since the key needs it first. A table the migration creates is empty: its indexes and constraints stay as
 * they are.
 */
export function inOnlineForms(ops: readonly Operation[], capabilities: DialectCapabilities): Operation[] {
  const created = new Set(ops.flatMap((op) => (op.kind === 'create_table' ? [qualifiedKey(op.table)] : [])))
  const referenced = new Set(ops.flatMap((op) => (op.kind === 'add_foreign_key' ? [keyOf(
    { schema: op.foreignKey.referencedSchema, name: op.foreignKey.referencedTable }, op.foreignKey.referencedColumns)] : [])))
  const existing = (table: QualifiedName) => !created.has(qualifiedKey(table))
  const needed = (table: QualifiedName, columns: readonly string[]) => referenced.has(keyOf(table, columns))
  const online = (op: Operation): Operation | undefined => {
    switch (op.kind) {
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
  const written = ops.map((op) => online(op) ?? op)
  return [...written.filter((op) => !isOnline(op)), ...written.filter(isOnline)]
}

/** keyOf names a table's set of columns, in any order. */
function keyOf(table: QualifiedName, columns: readonly string[]): string {
  return `${qualifiedKey(table)}\0${[...columns].sort().join('\0')}`
}
