import type { ViewSource } from '../../model/schema-model'
import type { ChangeSet } from '../../plan/change-set'
import { columnNameBefore } from '../../plan/column-name-before'

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
    if (op.kind === 'rename_column') return [{ name, columns: [columnNameBefore(changes, i, op.from)] }]
    return []
  })
}
