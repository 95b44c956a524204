import { quoteLiteral } from '../quote'
import { canonicalMysqlExpression } from './mysql-expressions'
import { quoteString } from './mysql-literals'
import { atLeast, type MysqlServer } from './mysql-server'
import { baseOf, mysqlFloatTypes, mysqlNumericTypes } from './mysql-types'

const currentTimestamp = /^(?:current_timestamp|now|localtime|localtimestamp)\s*(?:\(\s*(\d*)\s*\))?$/i

/**
 * canonicalMysqlDefault is the canonical form of a default written as SQL (as TypeORM writes it, or as
 * MariaDB 10.2.7+ reports it) for a column of canonical type `type`: `NULL` is no default; string literals
 * single-quoted with '' doubling; numbers of numeric columns unquoted and canonical (`'1.50'` is `1.5`);
 * `CURRENT_TIMESTAMP` / `CURRENT_TIMESTAMP(n)` (from `current_timestamp()`, `now()`); any of these in
 * parentheses the same as without; any other
 * expression canonical (mysql-expressions) in parentheses.
 */
export function canonicalMysqlDefault(sql: string, type: string): string | undefined {
  const text = sql.trim()
  if (/^null$/i.test(text)) return undefined
  // A literal in parentheses (MySQL 8 requires them on TEXT and JSON columns) is the literal.
  if (text.startsWith('(') && closesAtEnd(text)) {
    const inner = canonicalMysqlDefault(text.slice(1, -1), type)
    if (inner !== undefined && !inner.startsWith('(')) return inner
  }
  const time = currentTimestamp.exec(text)
  if (time) return timestampFunction(time[1])
  const numeric = mysqlNumericTypes.has(baseOf(type)) && baseOf(type) !== 'bit'
  // A float holds the nearest binary value, which the server prints in full (`12345678901234567168` for
  // 1.2345678901234567e19): compared as that value, in JavaScript's shortest form.
  const numberOf = (value: string) => (mysqlFloatTypes.has(baseOf(type)) ? String(Number(value)) : canonicalNumber(value))
  // MySQL 8 prints the charset of a literal written as an expression (`('abc')` reads `_utf8mb4'abc'`).
  const literal = /^(?:_[a-z0-9]+)?'((?:[^'\\]|''|\\.)*)'$/is.exec(text)
  if (literal) {
    const value = unescaped(literal[1]!.replace(/''/g, "'"))
    return numeric && isNumber(value) ? numberOf(value) : quoteLiteral(value)
  }
  if (isNumber(text)) return numeric ? numberOf(text) : quoteLiteral(text)
  if (/^(true|false)$/i.test(text)) return /^true$/i.test(text) ? '1' : '0'
  if (/^b'[01]*'$/i.test(text)) return text.toLowerCase()
  const expression = canonicalMysqlExpression(text)
  return expression.startsWith('(') && closesAtEnd(expression) ? expression : `(${expression})`
}

/** canonicalOnUpdate is the canonical `ON UPDATE` expression: `CURRENT_TIMESTAMP` or `CURRENT_TIMESTAMP(n)`. */
export function canonicalOnUpdate(sql: string): string {
  const time = currentTimestamp.exec(sql.trim())
  return time ? timestampFunction(time[1]) : canonicalMysqlExpression(sql)
}

/**
 * defaultWithOnUpdate splits a default expression that goes on with the column's ON UPDATE (`default: () =>
 * 'CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)'`, which TypeORM writes after `DEFAULT` as it is) into the
 * two, as the server stores them; undefined for any other default, a string literal holding those words included.
 */
export function defaultWithOnUpdate(sql: string): { readonly default: string; readonly onUpdate: string } | undefined {
  const split = /^((?:[^']|'(?:[^']|'')*')*?)\s+on\s+update\s+(\S.*?)\s*$/is.exec(sql.trim())
  if (!split || !currentTimestamp.test(split[2]!)) return undefined
  return { default: split[1]!, onUpdate: split[2]! }
}

/** CatalogDefault is what information_schema.COLUMNS says of a column's default. */
export interface CatalogDefault {
  /** COLUMN_DEFAULT. */
  readonly value: string | null
  /** EXTRA (`DEFAULT_GENERATED`, `on update current_timestamp()`, `auto_increment`, ...). */
  readonly extra: string
  /** The canonical type of the column. */
  readonly type: string
}

/**
 * defaultSqlOf is the default of a catalog row as SQL text, or undefined for none. MariaDB 10.2.7+ reports
 * it as SQL (`'abc'`, `5`, `current_timestamp()`, `NULL` for DEFAULT NULL); MySQL 8 (and MariaDB before
 * 10.2.7) report literals raw (`abc`) and mark expressions `DEFAULT_GENERATED` in EXTRA.
 */
export function defaultSqlOf(row: CatalogDefault, server: MysqlServer): string | undefined {
  if (row.value === null) return undefined
  if (server.product === 'mariadb' && atLeast(server, 10, 2, 7)) return row.value
  // MySQL 8 prints an expression default with its quotes escaped: concat(_utf8mb4\'a\',_utf8mb4\'b\').
  if (/DEFAULT_GENERATED/i.test(row.extra)) return currentTimestamp.test(row.value) ? row.value : `(${row.value.replace(/\\'/g, "'")})`
  if (currentTimestamp.test(row.value)) return row.value
  const base = baseOf(row.type)
  if (mysqlNumericTypes.has(base) && (isNumber(row.value) || /^b'[01]*'$/i.test(row.value))) return row.value
  // The raw value, as MySQL writes it: a backslash in it is one (`C:\temp`), not an escape.
  return quoteString(row.value)
}

/** MySQL's backslash escapes in a string literal (`\n`, `\t`, ...); any other escaped character is itself. */
const escapes: Readonly<Record<string, string>> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' }

function unescaped(text: string): string {
  return text.replace(/\\([\s\S])/g, (_all, c: string) => escapes[c] ?? c)
}

function timestampFunction(digits: string | undefined): string {
  const precision = digits === undefined || digits === '' ? 0 : Number(digits)
  return precision > 0 ? `CURRENT_TIMESTAMP(${precision})` : 'CURRENT_TIMESTAMP'
}

function isNumber(text: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())
}

/**
 * canonicalNumber writes a decimal number without redundant zeros or sign (`00005` is `5`, `1.50` is `1.5`,
 * `-0` is `0`), and without an exponent (`1e-7` is `0.0000001`, as the server prints it), digit for digit.
 */
export function canonicalNumber(text: string): string {
  const trimmed = withoutExponent(text.trim())
  const negative = trimmed.startsWith('-')
  const [whole = '', fraction = ''] = trimmed.replace(/^[+-]/, '').split('.')
  const integer = whole.replace(/^0+(?=\d)/, '') || '0'
  const decimals = fraction.replace(/0+$/, '')
  const body = decimals === '' ? integer : `${integer}.${decimals}`
  return negative && body !== '0' ? `-${body}` : body
}

/** withoutExponent moves the decimal point of `1.5e3` (`1500`) or `1e-7` (`0.0000001`), keeping every digit. */
function withoutExponent(text: string): string {
  const exponent = /^([+-]?)(\d*)\.?(\d*)e([+-]?\d+)$/i.exec(text)
  if (!exponent) return text
  const [, sign, whole, fraction, power] = exponent
  const digits = `${whole}${fraction}`
  const point = whole!.length + Number(power)
  const padded = point <= 0 ? `${'0'.repeat(1 - point)}${digits}` : digits!.padEnd(point, '0')
  const at = Math.max(point, 1)
  return `${sign}${padded.slice(0, at)}.${padded.slice(at)}`
}

/** closesAtEnd says whether a text starting with `(` is one parenthesized whole: `(a + b)`, not `(a) + (b)`. */
export function closesAtEnd(expression: string): boolean {
  let depth = 0
  for (const [i, c] of [...expression].entries()) {
    if (c === '(') depth++
    else if (c === ')' && --depth === 0 && i < expression.length - 1) return false
  }
  return true
}
