import type { ViewSource } from '../../model/schema-model'
import type { ChangeSet } from '../../plan/change-set'

/**
 * renamedSources names the tables and columns `changes` rename: MySQL stores a view as text naming them, and
 * the view fails at query time once one is renamed. A type change does not break a view (it reads the new
 * type). Names are those before the migration, as views read them.
 */
export function renamedSources(changes: ChangeSet): ViewSource[] {
  return changes.ops.flatMap((op, i): ViewSource[] => {
    const table = changes.tableAt[i]
    if (table === undefined || table.createdAt !== undefined) return []
    const name = table.firstName.name
    if (op.kind === 'rename_table') return [{ name }]
    if (op.kind === 'rename_column') return [{ name, columns: [originalName(changes, i, op.from)] }]
    return []
  })
}

/** originalName follows a column renamed more than once in one migration back to its name before it. */
function originalName(changes: ChangeSet, index: number, name: string): string {
  let current = name
  for (let i = index - 1; i >= 0; i--) {
    const op = changes.ops[i]!
    if (op.kind === 'rename_column' && changes.tableAt[i] === changes.tableAt[index] && op.to === current) current = op.from
  }
  return current
}
