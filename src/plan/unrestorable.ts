import type { QualifiedName } from '../model/schema-model'
import type { ChangeSet } from './change-set'
import type { DropColumn } from '../operations/operation'

/**
 * UnrestorableDrop is a column `up` drops that `down` cannot add back while its table has rows: it is NOT
 * NULL with no default and no generation, so the rows have no value to take (and, unique, not one value
 * for all). `tableAfter` is the table's name once `up` has run, where `down` starts.
 */
export interface UnrestorableDrop {
  readonly op: DropColumn
  readonly tableAfter: QualifiedName
}

/**
 * unrestorableDrops lists those columns of `up`, in order. A column whose table `up` also drops is left out:
 * `down` creates that table empty first.
 */
export function unrestorableDrops(up: ChangeSet): UnrestorableDrop[] {
  return up.ops.flatMap((op, index): UnrestorableDrop[] => {
    if (op.kind !== 'drop_column') return []
    const { column } = op
    if (column.nullable || column.default !== undefined || column.generated !== undefined || column.computed !== undefined) return []
    const table = up.tableAt[index]
    if (table === undefined || table.droppedAt !== undefined) return []
    return [{ op, tableAfter: table.lastName }]
  })
}

/** unrestorableText is the one line `down` stops with, and the IRREVERSIBLE hazard's subject. */
export function unrestorableText(drop: UnrestorableDrop): string {
  const { op } = drop
  const table = op.table.schema === undefined ? op.table.name : `${op.table.schema}.${op.table.name}`
  return `column "${table}"."${op.column.name}" cannot come back: it is NOT NULL with no default` +
    ' and its values were deleted, so the rows would have no value for it'
}
