import { nameOf, qualifiedKey, sameName } from '../model/qualified-name'
import type { QualifiedName, ViewModel, ViewSource } from '../model/schema-model'
import { type Operation, type RenameColumn, tableOf } from '../operations/operation'
import { UserError } from '../source/user-error'
import { readsColumn } from '../model/view-reads'

/**
 * renamesAfterKeptViews takes out of `ops` the renames of the columns that `kept` views read (views made again
 * with the database's own definition, which names the columns as they were), to run after those views are made:
 * the database then follows the rename inside each view. `down`, the reverse, renames back before dropping the
 * view and making it again as it was. A rename that cannot move past an operation that may name the column (an
 * index, key or check of its table, a foreign key to it) is refused: the user makes the rename in a migration of
 * its own first, and so is one of a table the migration rebuilds whole (`rebuilt`, see Dialect.viewBreakingChanges): the
 * rebuild carries the rename, after the view is made, so the database has none to follow. So is a rename of a table
 * such a view reads: every later operation on the table names it. So is
 * any rename of a column such a view reads where the database does not follow it into views (`followsRenames`
 * false): the view would keep the old name and fail on every read.
 */
export function renamesAfterKeptViews(
  ops: readonly Operation[], kept: readonly ViewModel[], followsRenames: boolean, rebuilt: readonly ViewSource[],
): { ops: Operation[]; renames: RenameColumn[] } {
  for (const op of ops) {
    if (op.kind !== 'rename_table') continue
    const view = kept.find((v) => v.reads.some((read) => sameName(nameOf(read), op.from)))
    if (view !== undefined) {
      throw new UserError(`view ${qualifiedKey(view)} keeps the database's definition, which reads ${op.from.name}, and this migration both makes it again and renames that table to ${op.to.name}: give the view its expression in its entity, drop it by hand first, or make the rename in a migration of its own first where the database carries renames into views`)
    }
  }
  const readByKept = (op: RenameColumn) => kept.find((view) => readsColumn(view, op.table, op.from))
  const moved = ops.filter((op): op is RenameColumn => op.kind === 'rename_column' && readByKept(op) !== undefined)
  if (moved.length === 0) return { ops: [...ops], renames: [] }
  const rest = ops.filter((op) => !moved.includes(op as RenameColumn))
  if (!followsRenames) {
    const rename = moved[0]!
    throw new UserError(`view ${qualifiedKey(readByKept(rename)!)} keeps the database's definition, which reads ${rename.table.name}.${rename.from}, and this migration renames that column to ${rename.to}, which the database does not carry into the view (it keeps the old name, and fails on every read): give the view its expression in its entity, or drop it by hand first and make it again with the new name after the migration`)
  }
  for (const rename of moved) {
    const after = ops.slice(ops.indexOf(rename) + 1).filter((op) => !moved.includes(op as RenameColumn))
    const blocking = after.find((op) => mayNameColumn(op, rename.table, [rename.from, rename.to])) ?? rebuiltWith(rename, ops, moved, rebuilt)
    if (blocking === undefined) continue
    const view = readByKept(rename)!
    throw new UserError(`view ${qualifiedKey(view)} keeps the database's definition, which reads ${rename.table.name}.${rename.from}, and this migration both makes it again and renames that column to ${rename.to} along with other changes of ${rename.table.name} (${blocking.kind}): make the rename in a migration of its own first, or give the view its expression in its entity`)
  }
  return { ops: rest, renames: moved }
}

/** rebuiltWith is the operation on the table of `rename` that has it rebuilt whole (the rename itself where no other), if it is. */
function rebuiltWith(rename: RenameColumn, ops: readonly Operation[], moved: readonly RenameColumn[], rebuilt: readonly ViewSource[]): Operation | undefined {
  if (!rebuilt.some((source) => source.columns === undefined && sameName(nameOf(source), rename.table))) return undefined
  const onTable = (op: Operation) => {
    const table = tableOf(op)
    return table !== undefined && sameName(table, rename.table)
  }
  return ops.find((op) => onTable(op) && !moved.includes(op as RenameColumn)) ?? rename
}

/**
 * mayNameColumn says whether `op` may name one of `columns` of `table`, yes where unsure (an index, key or check
 * of the table, whose `down` may name it too; a foreign key to it). Renaming an index or constraint names none.
 */
function mayNameColumn(op: Operation, table: QualifiedName, columns: readonly string[]): boolean {
  if (op.kind === 'rename_table') return sameName(op.from, table) || sameName(op.to, table)
  if (op.kind === 'alter_enum') return op.users.some((user) => sameName(nameOf(user.table), table) && columns.includes(user.column.name))
  if (op.kind === 'add_foreign_key' || op.kind === 'alter_foreign_key') {
    const foreignKey = op.kind === 'add_foreign_key' ? op.foreignKey : op.to
    if (foreignKey.referencedTable === table.name && foreignKey.referencedColumns.some((c) => columns.includes(c))) return true
  }
  const of = tableOf(op)
  if (of === undefined || !sameName(nameOf(of), table)) return false
  if (op.kind === 'alter_column') return columns.includes(op.to.name) || op.to.computed !== undefined
  return op.kind !== 'rename_index' && op.kind !== 'rename_constraint'
}
