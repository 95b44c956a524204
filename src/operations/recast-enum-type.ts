import { quoteDoubled } from '../dialect/quote'
import type { QualifiedName } from '../model/schema-model'

/**
 * recastEnumType rewrites the casts to the enum type `from` in an expression (`'a'::"post_status_enum"`) into
 * casts to `to`, as PostgreSQL prints them once the type is renamed or moved. A name is matched bare or quoted;
 * a cast naming the schema (the type is off the search path) keeps naming it, and one is written where the
 * type moves.
 */
export function recastEnumType(sql: string, from: QualifiedName, to: QualifiedName): string {
  const spelled = (name: string) => `(?:${escaped(quoteDoubled(name))}|${escaped(name)}\\b)`
  const schemaPrefix = from.schema === undefined ? '' : `(${spelled(from.schema)}\\.)?`
  const cast = new RegExp(`::\\s*${schemaPrefix}${spelled(from.name)}`, 'g')
  const qualifiedTo = to.schema === undefined ? quoteDoubled(to.name) : `${quoteDoubled(to.schema)}.${quoteDoubled(to.name)}`
  return sql.replace(cast, (_, schema?: string) => `::${schema !== undefined || from.schema !== to.schema ? qualifiedTo : quoteDoubled(to.name)}`)
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
