import type { TableModel, UniqueModel } from './schema-model'

/**
 * repeatsPrimaryKey says whether a unique constraint names the primary key's columns, in the same order.
 * PostgreSQL and SQLite keep one index for both when CREATE TABLE declares the two (TypeORM's does), so
 * the unique is not there to read back.
 */
export function repeatsPrimaryKey(unique: UniqueModel, table: TableModel): boolean {
  const key = table.primaryKey?.columns
  return key !== undefined && key.length === unique.columns.length && key.every((column, i) => unique.columns[i] === column)
}
