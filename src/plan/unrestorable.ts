import { referencedTableOf, sameName } from '../model/qualified-name'
import type { QualifiedName } from '../model/schema-model'
import type { ChangeSet } from './change-set'
import type { DropColumn, DropForeignKey } from '../operations/operation'

/**
 * UnrestorableDrop is something `up` drops that `down` cannot bring back while rows of a table it keeps
 * stand in the way, `down` starting from the table `tableAfter` (its name once `up` has run):
 * - a column that is NOT NULL with no default and no generation: the rows have no value to take (and,
 *   unique, not one value for all);
 * - a table that rows of a kept table reference through `columns` (their foreign key `op` dropped with it):
 *   `down` creates the table empty, and the key cannot come back over rows whose values match nothing.
 *   Only rows with a value in every one of `columns` count: a NULL leaves a row unchecked.
 */
export type UnrestorableDrop =
  | { readonly kind: 'column'; readonly op: DropColumn; readonly tableAfter: QualifiedName }
  | { readonly kind: 'reference'; readonly op: DropForeignKey; readonly tableAfter: QualifiedName; readonly columns: readonly string[] }

/**
 * unrestorableDrops lists those of `up`, in order. A column or a reference whose table `up` also drops is
 * left out: `down` creates that table empty first.
 */
export function unrestorableDrops(up: ChangeSet): UnrestorableDrop[] {
  const end = up.schemaAt(up.ops.length)
  const droppedTables = up.ops.flatMap((op) => (op.kind === 'drop_table' ? [op.table] : []))
  return up.ops.flatMap((op, index): UnrestorableDrop[] => {
    const table = up.tableAt[index]
    if (table === undefined || table.droppedAt !== undefined) return []
    if (op.kind === 'drop_column') {
      const { column } = op
      if (column.nullable || column.default !== undefined || column.generated !== undefined || column.computed !== undefined) return []
      return [{ kind: 'column', op, tableAfter: table.lastName }]
    }
    if (op.kind !== 'drop_foreign_key') return []
    const { foreignKey } = op
    const referencedDropped = droppedTables.some((dropped) => sameName(dropped, referencedTableOf(foreignKey)))
    const kept = end.tables.find((t) => sameName(t, table.lastName))
    // A column of the key that `up` drops is gone, also where a renamed column takes its name (freed first).
    const dropsColumn = table.opIndexes.some((at) => {
      const other = up.ops[at]!
      return other.kind === 'drop_column' && foreignKey.columns.includes(other.column.name)
    })
    const keepsColumns = kept !== undefined && !dropsColumn && foreignKey.columns.every((c) => kept.columns.some((k) => k.name === c))
    return referencedDropped && keepsColumns ? [{ kind: 'reference', op, tableAfter: table.lastName, columns: foreignKey.columns }] : []
  })
}

/** unrestorableText is the one line `down` stops with, and the IRREVERSIBLE hazard's subject. */
export function unrestorableText(drop: UnrestorableDrop): string {
  const label = (name: QualifiedName) => `"${name.schema === undefined ? name.name : `${name.schema}.${name.name}`}"`
  if (drop.kind === 'column') {
    return `column ${label(drop.op.table)}."${drop.op.column.name}" cannot come back: it is NOT NULL with no default` +
      ' and its values were deleted, so the rows would have no value for it'
  }
  const { foreignKey } = drop.op
  return `table ${label(referencedTableOf(foreignKey))} comes back empty, and rows of ${label(drop.tableAfter)} still hold values of ` +
    `${drop.columns.map((c) => `"${c}"`).join(', ')} that referenced it, so foreign key "${foreignKey.name}" cannot come back`
}
