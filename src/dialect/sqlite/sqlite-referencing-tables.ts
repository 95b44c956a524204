import { nameOf, sameName } from '../../model/qualified-name'
import type { QualifiedName, TableModel } from '../../model/schema-model'
import type { Operation, RenameColumn } from '../../operations/operation'
import type { ChangeSet, TableChange } from '../../plan/change-set'
import { nameAt } from '../../plan/table-lives'

/**
 * ReferencingTable is a table whose foreign key names a column that the rebuild of the table it references
 * renames. The REFERENCES clause is text of the referencing table's own CREATE TABLE: SQLite rewrites it on
 * ALTER TABLE RENAME COLUMN, but a rebuild renames the column by copying it into a new table, and the clause
 * goes on naming the old column. So the referencing table is rebuilt too, from the model, where the key
 * follows the rename.
 */
export interface ReferencingTable {
  /** Its change, where the migration has operations on it; undefined for a table the migration does not touch. */
  readonly change?: TableChange
  /** Its name when the first of `renames` runs. */
  readonly name: QualifiedName
  /** The renames of columns its foreign keys name, in order. */
  readonly renames: readonly RenameColumn[]
  /** The position of the last of `renames`, from which on its keys name the new columns. */
  readonly lastRenameAt: number
}

/**
 * tablesReferencingRenamedColumns finds the ReferencingTables of the renames in the `rebuilt` tables. A table
 * the migration creates is written with its keys as they end, and one it drops needs no keys.
 */
export function tablesReferencingRenamedColumns(changes: ChangeSet, rebuilt: ReadonlySet<TableChange>): ReferencingTable[] {
  const found = new Map<TableChange | string, { change?: TableChange; name: QualifiedName; renames: RenameColumn[]; lastRenameAt: number }>()
  changes.ops.forEach((op, i) => {
    const renamedIn = changes.tableAt[i]
    if (op.kind !== 'rename_column' || renamedIn === undefined || !rebuilt.has(renamedIn)) return
    for (const table of changes.schemaAt(i).tables) {
      if (sameName(table, op.table) || !referencesRenamed(table, op)) continue
      const change = changes.tables.find((candidate) => livesAs(candidate, table, i, changes.ops))
      if (change !== undefined && change.change !== 'modified') continue
      const key = change ?? table.name
      const known = found.get(key)
      if (known === undefined) found.set(key, { ...(change && { change }), name: nameOf(table), renames: [op], lastRenameAt: i })
      else found.set(key, { ...known, renames: [...known.renames, op], lastRenameAt: i })
    }
  })
  return [...found.values()]
}

/** referencesRenamed says whether a foreign key of `table` names the column `rename` renames, in its table. */
function referencesRenamed(table: TableModel, rename: RenameColumn): boolean {
  return table.foreignKeys.some((fk) =>
    fk.referencedTable === rename.table.name && fk.referencedSchema === rename.table.schema && fk.referencedColumns.includes(rename.from))
}

/** livesAs says whether `change` is the table named `table` at `position`: created before it, not dropped yet, under that name then. */
function livesAs(change: TableChange, table: QualifiedName, position: number, ops: readonly Operation[]): boolean {
  const alive = (change.createdAt ?? -1) < position && (change.droppedAt ?? Infinity) >= position
  return alive && sameName(nameAt(change, ops, position), table)
}
