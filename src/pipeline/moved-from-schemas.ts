import type { RenameHint } from '../diff/rename-types'
import type { SchemaModel } from '../model/schema-model'

/**
 * movedFromSchemas are the schemas that hints move a table out of and that no entity uses any more: they
 * must be read too, or the table to move would not be found.
 */
export function movedFromSchemas(hints: readonly RenameHint[], wantedSchemas: readonly string[]): string[] {
  const schemas = hints.flatMap((h) => (h.move === true && h.table.schema !== undefined ? [h.table.schema] : []))
  return [...new Set(schemas)].filter((s) => !wantedSchemas.includes(s))
}

/**
 * onlyMovedTables keeps, of the schemas `movedFrom`, the tables hints move and the enum types they use: the
 * rest of those schemas belongs to no entity, and is left alone as any schema the entities do not use is.
 */
export function onlyMovedTables(model: SchemaModel, movedFrom: readonly string[], hints: readonly RenameHint[]): SchemaModel {
  if (movedFrom.length === 0) return model
  const outside = (schema: string | undefined) => schema === undefined || !movedFrom.includes(schema)
  const moved = (schema: string | undefined, name: string) => hints.some((h) => h.move === true && h.table.schema === schema && h.from === name)
  const tables = model.tables.filter((t) => outside(t.schema) || moved(t.schema, t.name))
  const used = (schema: string | undefined, name: string) => tables.some((t) => t.schema === schema && t.columns.some((c) => c.enumName === name))
  return {
    ...model,
    tables,
    enums: model.enums.filter((e) => outside(e.schema) || used(e.schema, e.name)),
    views: model.views.filter((v) => outside(v.schema)),
  }
}
