import type { ColumnModel, SchemaModel, TableModel } from '../../src/model/schema-model'

/** table builds a TableModel with empty lists, overridable. */
export function table(name: string, columns: ColumnModel[], extra: Partial<TableModel> = {}): TableModel {
  return { name, columns, indexes: [], uniques: [], foreignKeys: [], checks: [], ...extra }
}

/** column builds a nullable-false column of a type, overridable. */
export function column(name: string, type = 'integer', extra: Partial<ColumnModel> = {}): ColumnModel {
  return { name, type, nullable: false, ...extra }
}

/** schema builds a SchemaModel from tables. */
export function schema(tables: TableModel[], extra: Partial<SchemaModel> = {}): SchemaModel {
  return { tables, enums: [], schemas: [], extensions: [], views: [], ...extra }
}

const writtenFields: ReadonlySet<string> = new Set(['defaultSql', 'defaultChosenByTypeorm', 'expressionSql', 'whereSql'])

/**
 * canonicalOnly is a model (or any part of one) without the text its expressions are written with, which
 * differs by design between the entities and the database's print, nor the entity side's note of a default
 * TypeORM chose: what the diff compares, and no more.
 */
export function canonicalOnly<T>(value: T): T {
  if (Array.isArray(value)) return value.map(canonicalOnly) as T
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).filter(([k]) => !writtenFields.has(k)).map(([k, v]) => [k, canonicalOnly(v)])) as T
}
