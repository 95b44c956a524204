import type { ColumnModel, SchemaModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import { alterColumn } from '../plan/column-change'
import { type MovedColumn, tableIn } from './moved-column'

/**
 * bare is a column as it is added to hold copied values: nullable and without a default, so that every
 * existing row starts NULL and a copy into the rows where it is NULL fills all of them.
 */
export function bare(column: ColumnModel): ColumnModel {
  const { default: _default, ...rest } = column
  return { ...rest, nullable: true }
}

/** writable is the column relaxed so that code that does not write it can still insert: NOT NULL without default becomes nullable. */
function writable(column: ColumnModel): ColumnModel {
  return column.nullable || column.default !== undefined ? column : { ...column, nullable: true }
}

function alter(moved: MovedColumn, from: ColumnModel, to: ColumnModel): Operation[] {
  const op = alterColumn(moved.table, from, to)
  return op.changes.length === 0 ? [] : [op]
}

/**
 * expandSteps add the new column next to the old one and copy the values into it, on `state` (the schema
 * when they run). The new column stays bare until contract gives it its definition: rows old code inserts
 * meanwhile leave it NULL, which is how contract's copy finds them (a default would hide them). A rename
 * also relaxes the old column, so that new code, which does not write it, can insert.
 */
export function expandSteps(moved: MovedColumn, state: SchemaModel): Operation[] {
  const old = columnIn(state, moved, moved.oldName)
  const added = bare({ ...moved.wanted, name: moved.added })
  const relaxed = moved.kind === 'rename' ? writable(old) : old
  return [
    ...alter(moved, old, relaxed),
    { kind: 'add_column', table: moved.table, column: added },
    { kind: 'copy_column', table: moved.table, from: relaxed, to: added, rows: 'empty' },
  ]
}

/**
 * contractSteps drop the old column and finish the new one, on `state` (the schema after expand). Before
 * the drop, the old column is made re-addable as it is (nullable; bare for a rename, so that the down's
 * copy into its empty rows reaches all of them) and the values are copied once more: for a rename into the
 * rows the new column has none for (rows old code inserted), for a type change into every row (the old
 * column was written all along). Its down re-adds the old column and copies the values back.
 */
export function contractSteps(moved: MovedColumn, state: SchemaModel): Operation[] {
  const old = columnIn(state, moved, moved.oldName)
  const added = columnIn(state, moved, moved.added)
  if (moved.kind === 'rename') {
    const dropped = bare(old)
    return [
      ...alter(moved, old, dropped),
      { kind: 'copy_column', table: moved.table, from: dropped, to: added, rows: 'empty' },
      { kind: 'drop_column', table: moved.table, column: dropped },
      ...alter(moved, added, moved.wanted),
    ]
  }
  const dropped = writable(old)
  return [
    ...alter(moved, old, dropped),
    { kind: 'copy_column', table: moved.table, from: dropped, to: added, rows: 'all' },
    { kind: 'drop_column', table: moved.table, column: dropped },
    { kind: 'rename_column', table: moved.table, from: moved.added, to: moved.oldName, column: added },
    ...alter(moved, { ...added, name: moved.oldName }, moved.wanted),
  ]
}

function columnIn(state: SchemaModel, moved: MovedColumn, name: string): ColumnModel {
  const column = tableIn(state, moved.table)?.columns.find((c) => c.name === name)
  if (column === undefined) throw new Error(`expand-contract: column "${moved.table.name}"."${name}" is not in the schema`)
  return column
}
