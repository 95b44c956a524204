import type { QualifiedName } from '../../model/schema-model'
import { quoteDoubled, quoteLiteral } from '../quote'

/** quoteIdent is the one identifier quoting of the PostgreSQL dialect. */
export const quoteIdent = quoteDoubled

/** qualified writes a schema-qualified name: `"public"."users"`, or `"users"` without a schema. */
export function qualified(name: QualifiedName): string {
  return name.schema === undefined ? quoteIdent(name.name) : `${quoteIdent(name.schema)}.${quoteIdent(name.name)}`
}

/** inSchemaOf names an object living in a table's schema (its indexes, its enum types, its sequences). */
export function inSchemaOf(table: QualifiedName, name: string): string {
  return qualified(table.schema === undefined ? { name } : { schema: table.schema, name })
}

/** columnList writes `("a", "b")`. */
export function columnList(columns: readonly string[]): string {
  return `(${columns.map(quoteIdent).join(', ')})`
}

/** commentLiteral writes a comment value, NULL for none. */
export function commentLiteral(comment: string | undefined): string {
  return comment === undefined || comment === '' ? 'NULL' : quoteLiteral(comment)
}

/**
 * storedIdentifier is the name PostgreSQL keeps for `name`: identifiers longer than 63 bytes are cut to 63
 * bytes (NAMEDATALEN - 1) at a character boundary, with a NOTICE only.
 */
export function storedIdentifier(name: string): string {
  return suffixed(name, '')
}

/** suffixed is `name` + `suffix`, `name` cut so that the whole fits in 63 bytes (a temporary name never collides with `name`). */
export function suffixed(name: string, suffix: string): string {
  if (Buffer.byteLength(name) + Buffer.byteLength(suffix) <= 63) return name + suffix
  let kept = ''
  for (const char of name) {
    if (Buffer.byteLength(kept + char + suffix) > 63) break
    kept += char
  }
  return kept + suffix
}

/**
 * serialSequenceName is the sequence SERIAL creates for a column, schema-qualified and quoted.
 */
export function serialSequenceName(table: QualifiedName, column: string): string {
  return inSchemaOf(table, serialSequenceBaseName(table.name, column))
}

/**
 * serialSequenceBaseName is `<table>_<column>_seq`, the longer part shortened until the name fits in 63
 * bytes, as PostgreSQL's makeObjectName does.
 */
export function serialSequenceBaseName(table: string, column: string): string {
  const available = 63 - '_seq'.length - 1
  if (Buffer.byteLength(table) + Buffer.byteLength(column) <= available) return `${table}_${column}_seq`
  let tablePart = [...table]
  let columnPart = [...column]
  const bytes = (chars: string[]) => Buffer.byteLength(chars.join(''))
  while (bytes(tablePart) + bytes(columnPart) > available) {
    if (bytes(tablePart) > bytes(columnPart)) tablePart = tablePart.slice(0, -1)
    else columnPart = columnPart.slice(0, -1)
  }
  return `${tablePart.join('')}_${columnPart.join('')}_seq`
}
