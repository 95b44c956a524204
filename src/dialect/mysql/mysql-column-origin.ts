import type { AlterColumn } from '../../operations/operation'
import type { ColumnModel } from '../../model/schema-model'
import type { ChangeSet } from '../../plan/change-set'

/** ColumnOrigin is where a column comes from: the table before the migration (its name then), or an operation that adds it. */
export type ColumnOrigin = { readonly name: string } | { readonly added: ColumnModel }

/**
 * columnOriginAt is where column `name` of the table of operation `at` comes from, following the renames before
 * `at`: the column the table has before the migration, or the one an operation before `at` adds. Undefined where an
 * operation before `at` drops, fills or changes it (but an ALTER that `kept` says leaves its values as they were).
 */
export function columnOriginAt(changes: ChangeSet, at: number, name: string, kept: (op: AlterColumn) => boolean = () => false): ColumnOrigin | undefined {
  let column = name
  for (let j = at - 1; j >= 0; j--) {
    if (changes.tableAt[j] !== changes.tableAt[at]) continue
    const op = changes.ops[j]!
    if (op.kind === 'rename_column' && op.to === column) column = op.from
    else if (op.kind === 'add_column' && op.column.name === column) return { added: op.column }
    else if (op.kind === 'drop_column' && op.column.name === column) return undefined
    else if (op.kind === 'copy_column' && op.to.name === column) return undefined
    else if (op.kind === 'alter_column' && op.to.name === column && !kept(op)) return undefined
  }
  return { name: column }
}

/** nameAtStart is the name a column of `origin` has before the migration, undefined for one the migration adds. */
export function nameAtStart(origin: ColumnOrigin | undefined): string | undefined {
  return origin !== undefined && 'name' in origin ? origin.name : undefined
}
