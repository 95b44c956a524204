import type { ColumnModel, QualifiedName } from '../../model/schema-model'
import { writtenComputed, writtenDefault } from '../../model/written-sql'
import { readTokens } from './postgres-expressions'
import { inSchemaOf, quoteIdent } from './postgres-quote'
import { closingIndex, type SqlToken } from './postgres-sql-tokens'
import { typeSql } from './postgres-types'

const serialKeywords: Readonly<Record<string, string>> = { integer: 'SERIAL', bigint: 'BIGSERIAL', smallint: 'SMALLSERIAL' }

/** countsInSequence: a sequence can fill the column, which is of one of the integer types a serial is made of. */
export function countsInSequence(column: ColumnModel): boolean {
  return column.isArray !== true && Object.hasOwn(serialKeywords, column.type)
}

/** columnTypeSql writes a column's type; an enum column names its type in the table's schema, or in its own. */
export function columnTypeSql(column: ColumnModel, table: QualifiedName): string {
  if (column.type === 'enum') {
    if (column.enumName === undefined) throw new Error(`postgres: enum column "${column.name}" of "${table.name}" has no enum type name`)
    const schemaOf = column.enumSchema === undefined ? table : { schema: column.enumSchema, name: table.name }
    return inSchemaOf(schemaOf, column.enumName) + (column.isArray ? '[]' : '')
  }
  return typeSql(column)
}

/** columnTypeKey is what makes two columns' types the same: name, parameters, array-ness and enum type. */
export function columnTypeKey(c: ColumnModel): string {
  return JSON.stringify([c.type, c.length, c.precision, c.scale, c.isArray ?? false, c.enumName, c.enumSchema])
}

/**
 * defaultSql is the default a column is created with, as written after DEFAULT: its own text (the entity's
 * or the database's, see written-sql), or a uuid generator when it generates uuids.
 */
export function defaultSql(column: ColumnModel): string | undefined {
  if (column.computed || column.generated?.kind === 'increment' || column.generated?.kind === 'identity') return undefined
  const text = writtenDefault(column)
  if (text === undefined) return column.generated?.kind === 'uuid' ? 'gen_random_uuid()' : undefined
  return isSimpleDefault(text) ? text : `(${text})`
}

/**
 * isSimpleDefault says whether DEFAULT takes an expression bare: a constant, a keyword, a function call, an
 * ARRAY[...] or a parenthesized group, each with any casts after it. Anything else (`now() AT TIME ZONE
 * 'utc'`, `a + 1`, `interval '1 day'`) is a syntax error there, or binds differently, without parentheses.
 */
function isSimpleDefault(text: string): boolean {
  const tokens = readTokens(text)
  if (!tokens || tokens.length === 0) return false
  let i = (tokens[0]!.text === '-' || tokens[0]!.text === '+') && tokens[1]?.kind === 'number' ? 1 : 0
  i = afterPrimary(tokens, i)
  while (i > 0 && tokens[i]?.text === '::') i = afterType(tokens, i + 1)
  return i === tokens.length
}

/** afterPrimary is the index past one operand starting at `i`, or -1 when it is none of the simple kinds. */
function afterPrimary(tokens: readonly SqlToken[], i: number): number {
  const t = tokens[i]
  if (!t) return -1
  if (t.kind === 'string' || t.kind === 'number') return i + 1
  if (t.text === '(') return closingIndex(tokens, i) + 1 || -1
  if (t.text.toUpperCase() === 'ARRAY' && tokens[i + 1]?.text === '[') return closingIndex(tokens, i + 1) + 1 || -1
  if (t.kind !== 'word' && t.kind !== 'ident') return -1
  let j = i + 1
  while (tokens[j]?.text === '.' && (tokens[j + 1]?.kind === 'word' || tokens[j + 1]?.kind === 'ident')) j += 2
  return tokens[j]?.text === '(' ? closingIndex(tokens, j) + 1 || -1 : j
}

/** afterType is the index past a type name written after `::` (`character varying(20)[]`, `"s"."e"`). */
function afterType(tokens: readonly SqlToken[], i: number): number {
  let j = i
  while (tokens[j]?.kind === 'word' || tokens[j]?.kind === 'ident' || tokens[j]?.text === '.') j++
  if (j === i) return -1
  if (tokens[j]?.text === '(') j = closingIndex(tokens, j) + 1
  while (tokens[j]?.text === '[' && tokens[j + 1]?.text === ']') j += 2
  return j
}

/** identityOptionsSql is the parenthesized sequence options of an identity the database has with options of its own, else nothing. */
export function identityOptionsSql(column: ColumnModel): string {
  return column.identityOptions === undefined ? '' : ` (${column.identityOptions})`
}

/** columnDefinitionSql is a column as CREATE TABLE and ADD COLUMN write it. */
export function columnDefinitionSql(column: ColumnModel, table: QualifiedName): string {
  const parts = [quoteIdent(column.name), baseTypeSql(column, table)]
  if (column.generated?.kind === 'identity') parts.push(`GENERATED ${column.generated.always ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${identityOptionsSql(column)}`)
  if (column.computed) parts.push(`GENERATED ALWAYS AS (${writtenComputed(column.computed)}) STORED`)
  if (column.collation !== undefined) parts.push(`COLLATE ${quoteIdent(column.collation)}`)
  if (!column.nullable) parts.push('NOT NULL')
  const value = defaultSql(column)
  if (value !== undefined) parts.push(`DEFAULT ${value}`)
  return parts.join(' ')
}

function baseTypeSql(column: ColumnModel, table: QualifiedName): string {
  if (column.generated?.kind !== 'increment') return columnTypeSql(column, table)
  if (!countsInSequence(column)) throw new Error(`postgres: column "${column.name}" of "${table.name}" is ${column.type}, which cannot auto-increment`)
  return serialKeywords[column.type]!
}
