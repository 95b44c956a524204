import type { RenameHint } from '../diff/rename-types'
import type { QualifiedName } from '../model/schema-model'

/**
 * movedFromSchemas are the schemas that hints move a table out of and that no entity uses any more: they
 * must be read too, or the table to move would not be found (only those tables: see movedTables).
 */
export function movedFromSchemas(hints: readonly RenameHint[], wantedSchemas: readonly string[]): string[] {
  const schemas = hints.flatMap((h) => (h.move === true && h.table.schema !== undefined ? [h.table.schema] : []))
  return [...new Set(schemas)].filter((s) => !wantedSchemas.includes(s))
}

/** movedTables are the tables hints move, by their old names. */
export function movedTables(hints: readonly RenameHint[]): QualifiedName[] {
  return hints.flatMap((h) => (h.move === true ? [{ ...(h.table.schema !== undefined && { schema: h.table.schema }), name: h.from }] : []))
}
