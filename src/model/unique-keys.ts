import { uniqueOnKeepsUnique } from './column-lists'
import type { TableModel } from './schema-model'

/** Keyed is a table, or what a materialized view has of one: its indexes. */
export type Keyed = Pick<TableModel, 'primaryKey' | 'indexes'> & Partial<Pick<TableModel, 'uniques'>>

/** uniqueKeysOf lists the column lists a table keeps unique on every row: its primary key, unique constraints and unique indexes (not partial ones). */
export function uniqueKeysOf(table: Keyed): (readonly string[])[] {
  return [
    ...(table.primaryKey === undefined ? [] : [table.primaryKey.columns]),
    ...(table.uniques ?? []).map((u) => u.columns),
    ...table.indexes.filter((i) => i.unique && i.where === undefined).map((i) => i.columns),
  ]
}

/**
 * alreadyUnique says whether the table enforces uniqueness on these columns or some of them, in any order, on every
 * row: rows unique on (role_id) cannot repeat (role_id, dept_id).
 */
export function alreadyUnique(table: Keyed, columns: readonly string[]): boolean {
  return uniqueKeysOf(table).some((key) => uniqueOnKeepsUnique(key, columns))
}
