import type { TableModel } from '../../model/schema-model'

/** ColumnPlace is where a column stands in its table: first, or after another column. */
export type ColumnPlace = 'first' | { readonly after: string }

/**
 * columnPlace is where `column` stands in `table`, for an ADD COLUMN to put it back there (a `down` giving back
 * a column `up` dropped, whose table is then as it was before `up`); undefined where it is the last column (or
 * not there), where an ADD COLUMN puts it without being told.
 */
export function columnPlace(table: TableModel, column: string): ColumnPlace | undefined {
  const at = table.columns.findIndex((c) => c.name === column)
  if (at < 0 || at === table.columns.length - 1) return undefined
  return at === 0 ? 'first' : { after: table.columns[at - 1]!.name }
}
