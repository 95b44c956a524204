import { quoteDoubled, quoteLiteral } from '../dialect/quote'
import { readsSameBare } from '../model/bare-identifier'
import type { QualifiedName } from '../model/schema-model'

/**
 * recastEnumType rewrites the casts to the enum type `from` in an expression (`'a'::"post_status_enum"`) into
 * casts to `to`, as PostgreSQL prints them once the type is renamed or moved. A name is matched bare or quoted,
 * and written bare where it reads the same bare, as PostgreSQL prints it (`'a'::post_state`, `'a'::"PostState"`);
 * a cast naming the schema (the type is off the search path) keeps naming it, and one is written where the
 * type moves.
 */
export function recastEnumType(sql: string, from: QualifiedName, to: QualifiedName): string {
  const spelled = (name: string) => `(?:${escaped(quoteDoubled(name))}|${escaped(name)}\\b)`
  const schemaPrefix = from.schema === undefined ? '' : `(${spelled(from.schema)}\\.)?`
  const cast = new RegExp(`::\\s*${schemaPrefix}${spelled(from.name)}`, 'g')
  const written = (name: string) => (readsSameBare(name) ? name : quoteDoubled(name))
  const qualifiedTo = to.schema === undefined ? written(to.name) : `${written(to.schema)}.${written(to.name)}`
  return sql.replace(cast, (_, schema?: string) => `::${schema !== undefined || from.schema !== to.schema ? qualifiedTo : written(to.name)}`)
}

/**
 * relabelEnumCasts rewrites the label `from` cast to the enum type `enumType` in an expression
 * (`'pending'::"task_state"`) into `to`, as PostgreSQL prints it once the label is renamed (it holds the label by
 * its oid). A literal not cast to the type is left alone: it may compare with another column.
 */
export function relabelEnumCasts(sql: string, enumType: QualifiedName, from: string, to: string): string {
  const spelled = (name: string) => `(?:${escaped(quoteDoubled(name))}|${escaped(name)}\\b)`
  const schemaPrefix = enumType.schema === undefined ? '' : `(?:${spelled(enumType.schema)}\\.)?`
  const cast = new RegExp(`(?<!')${escaped(quoteLiteral(from))}(\\s*::\\s*${schemaPrefix}${spelled(enumType.name)})`, 'g')
  return sql.replace(cast, (_, typeCast: string) => `${quoteLiteral(to)}${typeCast}`)
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
