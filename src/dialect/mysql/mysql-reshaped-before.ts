import type { Operation } from '../../operations/operation'
import type { ChangeSet } from '../../plan/change-set'

// What changes the rows, or the names, that a constraint added after it would be checked against.
const reshaping: ReadonlySet<Operation['kind']> = new Set(['add_column', 'drop_column', 'alter_column', 'copy_column', 'rename_column', 'rename_table'])

/** reshapedBefore says whether an operation before `at` on the table of `ops[at]` adds, drops, renames or changes a column of it, or renames it. */
export function reshapedBefore(changes: ChangeSet, at: number): boolean {
  const table = changes.tableAt[at]
  return table !== undefined && table.opIndexes.some((j) => j < at && reshaping.has(changes.ops[j]!.kind))
}
