import { sameName } from '../model/qualified-name'
import type { QualifiedName, SchemaModel } from '../model/schema-model'

/**
 * onlyTablesNamed keeps, of the schemas `schemas` (read for a few tables only), the tables `named` and the enum
 * types they use: the rest of those schemas belongs to no entity, and is left alone as any schema the entities
 * do not use is.
 */
export function onlyTablesNamed(model: SchemaModel, schemas: readonly string[], named: readonly QualifiedName[]): SchemaModel {
  if (schemas.length === 0) return model
  const outside = (schema: string | undefined) => schema === undefined || !schemas.includes(schema)
  const tables = model.tables.filter((t) => outside(t.schema) || named.some((n) => sameName(n, t)))
  const used = (schema: string | undefined, name: string) => tables.some((t) => t.schema === schema && t.columns.some((c) => c.enumName === name))
  return {
    ...model,
    tables,
    enums: model.enums.filter((e) => outside(e.schema) || used(e.schema, e.name)),
    views: model.views.filter((v) => outside(v.schema)),
  }
}
