import type { ColumnModel } from '../model/schema-model'

/** givesRowsAValue says whether a column added to a table that has rows gives them a value: a default other than NULL, or a generated one. */
export function givesRowsAValue(column: ColumnModel): boolean {
  return (column.default !== undefined && column.default.toUpperCase() !== 'NULL') || column.generated !== undefined
}
