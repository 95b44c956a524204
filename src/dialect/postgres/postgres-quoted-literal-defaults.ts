import type { ColumnModel } from '../../model/schema-model'
import { parseTypeSpelling } from './postgres-types'

/** Types whose values never hold a quote: the text of a quoted default is no value of theirs. */
const quotelessTypes: ReadonlySet<string> = new Set([
  'boolean', 'smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision', 'money', 'uuid',
  'date', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval', 'json', 'jsonb',
])

/** A whole SQL string literal with a quote inside it (`'f'`, not `it''s`, which TypeORM quotes itself). */
const quotedLiteral = /^'(?:[^']|'')*'$/

/**
 * withQuotedLiteralDefault reads a string default written as an SQL literal (`default: "'f'"`) on a column no quote
 * can be a value of (a boolean, number, date, uuid, json) as that literal. Elsewhere it is the text with its quotes, as
 * TypeORM's JavaScript says; here that text is refused by the type (`SET DEFAULT '''f'''` on a boolean fails with
 * "invalid input syntax"), while the literal is what a migration of the project wrote (`DEFAULT false`).
 */
export function withQuotedLiteralDefault(column: ColumnModel): ColumnModel {
  const literal = column.declared?.stringDefault
  if (literal === undefined || !quotedLiteral.test(literal) || column.isArray === true) return column
  const spelling = parseTypeSpelling(column.type)
  if (spelling.isArray || !quotelessTypes.has(spelling.type)) return column
  const { defaultSql: _quotedText, ...rest } = column
  return { ...rest, default: literal }
}
