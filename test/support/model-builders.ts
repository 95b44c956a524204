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
  return { tables, enums: [], schemas: [], extensions: [], ...extra }
}
