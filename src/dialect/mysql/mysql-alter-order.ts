import { type Operation, type OperationKind, tableOf } from '../../operations/operation'
import type { ChangeSet } from '../../plan/change-set'
import type { Relinked } from '../relinked-foreign-keys'

/**
 * The kinds of operation that need nothing of any table but their own (a foreign key: of its own and the one it
 * references), so that they may run before the changes of other tables that the order of phases puts ahead of them.
 * Not a drop: an index or key dropped may be needed until another table's foreign key to it is dropped.
 */
const movableKinds: ReadonlySet<OperationKind> = new Set<OperationKind>(['add_check', 'create_index', 'add_unique', 'add_primary_key', 'add_foreign_key'])

/**
 * The kinds of operation of other tables such a move may pass: changes of their columns and their own keys. Not a
 * drop of a foreign key, a check or a table, nor a rename, nor a creation: their names are the database's (a foreign
 * key's, MySQL's check's), or a foreign key may need them.
 */
const passableKinds: ReadonlySet<OperationKind> = new Set<OperationKind>([
  'add_column', 'alter_column', 'drop_column', 'copy_column', 'alter_table_comment', 'alter_table_options',
  'add_check', 'create_index', 'add_unique', 'add_primary_key', 'add_foreign_key', 'drop_index', 'drop_unique', 'drop_primary_key',
])

/**
 * alterOrder is the order in which the MySQL compiler takes the operations, by their positions in `changes`: theirs,
 * but for an index, key or check the phases put after the changes of other tables (src/operations/order.ts runs every
 * table's column changes before any table's new keys), which is taken just after the last operation of its own
 * table before it, so that one ALTER TABLE carries both. Each ALTER may copy the table: a table whose column
 * changes and which gains a check was copied twice. A foreign key is moved so only past operations of other
 * tables than the one it references; nothing is moved past the foreign keys dropped and added again around a
 * column change (see mysqlRelinkedForeignKeys), which may be what the move waits for.
 */
export function alterOrder(changes: ChangeSet, relinked: Relinked): number[] {
  const order: number[] = []
  changes.ops.forEach((op, i) => {
    const table = changes.tableAt[i]
    // A table the migration creates has no rows to copy: its keys stay where the phases put them.
    const at = table?.change !== 'modified' || !movableKinds.has(op.kind) ? -1 : lastIndexOf(order, (k) => changes.tableAt[k] === table)
    const passed = at < 0 ? [] : order.slice(at + 1)
    const movable = passed.length > 0 && !relinked.after.has(order[at]!) &&
      passed.every((k) => passableKinds.has(changes.ops[k]!.kind) && !relinked.before.has(k) && !relinked.after.has(k) && !references(op, changes.ops[k]!))
    if (movable) order.splice(at + 1, 0, i)
    else order.push(i)
  })
  return order
}

/** references says whether `op` adds a foreign key to the table `other` acts on (under either name, for a rename). */
function references(op: Operation, other: Operation): boolean {
  if (op.kind !== 'add_foreign_key') return false
  const target = op.foreignKey.referencedTable
  return tableOf(other)?.name === target || (other.kind === 'rename_table' && other.from.name === target)
}

function lastIndexOf<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let k = list.length - 1; k >= 0; k--) if (test(list[k]!)) return k
  return -1
}
