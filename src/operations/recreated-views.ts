import { qualifiedKey } from '../model/qualified-name'
import { sameViewDefinition } from '../model/same-view-definition'
import type { DropView, Operation } from './operation'

/**
 * recreatedViewDrops are the drops of the views `ops` drop only to create them again as they were, around a
 * change of what they read (a SQLite rebuild, a PostgreSQL type change). A view whose own definition changes
 * is not one of them.
 */
export function recreatedViewDrops(ops: readonly Operation[]): DropView[] {
  const created = new Map(ops.flatMap((op) => (op.kind === 'create_view' ? [[qualifiedKey(op.view), op.view] as const] : [])))
  return ops.flatMap((op) => {
    if (op.kind !== 'drop_view') return []
    const again = created.get(qualifiedKey(op.view))
    return again !== undefined && sameViewDefinition(op.view, again) ? [op] : []
  })
}
