import type { ColumnModel, SchemaModel, TableModel } from '../../../src/model/schema-model'
import type { Operation } from '../../../src/operations/operation'

/** pgTable builds a table in `public` with empty lists, overridable. */
export function pgTable(name: string, columns: ColumnModel[], extra: Partial<TableModel> = {}): TableModel {
  return { schema: 'public', name, columns, indexes: [], uniques: [], foreignKeys: [], checks: [], ...extra }
}

/** col builds a NOT NULL column, overridable. */
export function col(name: string, type = 'integer', extra: Partial<ColumnModel> = {}): ColumnModel {
  return { name, type, nullable: false, ...extra }
}

/** pgSchema builds a model holding `public` and the given tables. */
export function pgSchema(tables: TableModel[], extra: Partial<SchemaModel> = {}): SchemaModel {
  return { tables, enums: [], schemas: ['public'], extensions: [], views: [], ...extra }
}

/** createOps is what a diff from an empty database would plan, in dependency order. */
export function createOps(model: SchemaModel, existing: SchemaModel): Operation[] {
  return [
    ...model.extensions.map((extension): Operation => ({ kind: 'create_extension', extension })),
    ...model.schemas.filter((s) => !existing.schemas.includes(s)).map((schema): Operation => ({ kind: 'create_schema', schema })),
    ...model.enums.map((enumType): Operation => ({ kind: 'create_enum', enumType })),
    ...model.tables.map((table): Operation => ({ kind: 'create_table', table })),
    ...model.tables.flatMap((t) => t.foreignKeys.map((foreignKey): Operation => ({ kind: 'add_foreign_key', table: t, foreignKey }))),
  ]
}
