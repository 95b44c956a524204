import { quoteLiteral } from '../quote'
import { canonicalCastTypes, foldWords, readTokens, stripImplicitLiteralCasts } from './postgres-expressions'
import { parseArrayLiteral, renderArrayLiteral } from '../../model/array-literal'
import { canonicalJson } from './postgres-literals'
import { closingIndex, renderSql, type SqlToken, stringValue, stripOuterParens } from './postgres-sql-tokens'
import { numericTypes, parseTypeSpelling, unqualifiedTypeName } from './postgres-types'

/** DefaultContext is what canonicalizing a default needs to know about its column (already canonical). */
export interface DefaultContext {
  readonly type: string
  readonly isArray?: boolean
  readonly enumName?: string
  /** Fractional digits of a time type; undefined is PostgreSQL's 6. */
  readonly precision?: number
}

/**
 * canonicalDefault brings a default expression, as TypeORM writes it or as PostgreSQL stores it, to one
 * spelling: casts to the column's own type stripped (`'x'::character varying` -> `'x'`), numbers unquoted
 * (`'-1'::integer` -> `-1`), `now()` as `CURRENT_TIMESTAMP`, booleans, JSON and array literals re-printed.
 * Returns undefined for a NULL default, which is no default. Both sides go through this one function.
 */
export function canonicalDefault(expression: string, column: DefaultContext): string | undefined {
  const key = `${expression}\u0000${column.type}\u0000${column.isArray === true}\u0000${column.enumName ?? '\u0001'}\u0000${column.precision ?? 6}`
  if (canonicalDefaults.has(key)) return canonicalDefaults.get(key)
  const canonical = canonicalDefaultOf(expression, column)
  canonicalDefaults.set(key, canonical)
  return canonical
}

/** Both sides of a large schema repeat the same few defaults (`0`, `now()`, `'draft'`): each is read once. */
const canonicalDefaults = new Map<string, string | undefined>()

function canonicalDefaultOf(expression: string, column: DefaultContext): string | undefined {
  const read = readTokens(expression)
  if (!read) return expression.trim()
  let tokens: readonly SqlToken[] = canonicalCastTypes(replaceNow(foldWords(read)))
  tokens = stripImplicitLiteralCasts(legacyNow(stripOuterParens(tokens)) ?? tokens)
  for (;;) {
    const stripped = stripOwnCast(stripOuterParens(tokens), column)
    if (stripped === undefined) break
    tokens = stripped
  }
  tokens = stripOuterParens(tokens)
  if (tokens.length === 1 && tokens[0]!.text === 'NULL') return undefined
  return renderSql(canonicalValue(withoutStoredDigits(tokens, column), column))
}

const timestampTypes: ReadonlySet<string> = new Set(['timestamp', 'timestamptz'])

/**
 * `CURRENT_TIMESTAMP(n)` as a timestamp column's default, where `n` keeps every fractional digit the column
 * stores (`CURRENT_TIMESTAMP(6)`, or `(3)` on a `timestamp(3)`), stores what `now()` does: the transaction's
 * time holds microseconds, and the column rounds it to its own digits once either way.
 */
function withoutStoredDigits(tokens: readonly SqlToken[], column: DefaultContext): readonly SqlToken[] {
  const digits = tokens.length === 4 && tokens[0]!.text === 'CURRENT_TIMESTAMP' && tokens[1]!.text === '(' && tokens[3]!.text === ')'
    ? Number(tokens[2]!.text) : undefined
  const keepsAll = digits !== undefined && timestampTypes.has(column.type) && !column.isArray && digits >= (column.precision ?? 6)
  return keepsAll ? [tokens[0]!] : tokens
}

/** `now()` and `CURRENT_TIMESTAMP` are the same function (transaction start time); PostgreSQL prints both. */
function replaceNow(tokens: readonly SqlToken[]): SqlToken[] {
  const out: SqlToken[] = []
  for (let i = 0; i < tokens.length; i++) {
    const isNow = tokens[i]!.kind === 'word' && ['now', 'transaction_timestamp'].includes(tokens[i]!.text) &&
      tokens[i + 1]?.text === '(' && tokens[i + 2]?.text === ')' && tokens[i - 1]?.text !== '.'
    if (isNow) {
      out.push({ kind: 'word', text: 'CURRENT_TIMESTAMP' })
      i += 2
    } else out.push(tokens[i]!)
  }
  return out
}

const legacyNowFunctions: Readonly<Record<string, string>> = {
  timestamptz: 'CURRENT_TIMESTAMP',
  timestamp: 'LOCALTIMESTAMP',
  date: 'CURRENT_DATE',
  timetz: 'CURRENT_TIME',
  time: 'LOCALTIME',
}

/**
 * `('now'::text)::date` (pretty-printed `'now'::text::date`) is how servers before PostgreSQL 10 stored
 * CURRENT_DATE and friends, and how TypeORM still writes them (PostgresDriver.normalizeDatetimeFunction).
 * A bare `'now'::date` is not one: PostgreSQL freezes it to the date of the CREATE.
 */
function legacyNow(tokens: readonly SqlToken[]): SqlToken[] | undefined {
  const text = (i: number) => tokens[i]?.text.toLowerCase()
  const start = text(0) === '(' ? 1 : 0
  if (stringValue(tokens[start]) !== 'now' || text(start + 1) !== '::' || text(start + 2) !== 'text') return undefined
  const castAt = start === 1 ? (text(4) === ')' ? 5 : -1) : 3
  if (text(castAt) !== '::') return undefined
  const spelling = parseTypeSpelling(renderSql(tokens.slice(castAt + 1)))
  const fn = legacyNowFunctions[spelling.type]
  if (!fn || spelling.isArray) return undefined
  return readTokens(spelling.precision === undefined ? fn : `${fn}(${spelling.precision})`)
}

/** stripOwnCast removes a top-level cast of a constant to the column's own type; undefined when there is none. */
function stripOwnCast(tokens: readonly SqlToken[], column: DefaultContext): SqlToken[] | undefined {
  const castAt = topLevelCast(tokens)
  if (castAt === undefined) return undefined
  const operand = tokens.slice(0, castAt)
  const typeText = renderSql(tokens.slice(castAt + 1))
  const target = parseTypeSpelling(typeText)
  if (!isConstant(operand) || Boolean(target.isArray) !== Boolean(column.isArray)) return undefined
  const ownType = column.type === 'enum'
    ? column.enumName !== undefined && unqualifiedTypeName(typeText.replace(/\[\]$/, '')) === column.enumName
    : target.type === column.type
  const numberCast = numericTypes.has(column.type) && numericTypes.has(target.type) && isNumberLiteral(operand)
  return ownType || numberCast ? operand : undefined
}

/** topLevelCast finds a single `::` outside any parentheses, after the first token. */
function topLevelCast(tokens: readonly SqlToken[]): number | undefined {
  let depth = 0
  let found: number | undefined
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i]!.text
    if (text === '(' || text === '[') depth++
    else if (text === ')' || text === ']') depth--
    else if (depth === 0 && text === '::') {
      if (found !== undefined) return undefined
      found = i
    } else if (depth === 0 && found === undefined && tokens[i]!.kind === 'op' && i > 0) return undefined
  }
  return found !== undefined && found > 0 ? found : undefined
}

/** A constant is a literal, a signed number, an `ARRAY[...]` or a parenthesized group. */
function isConstant(tokens: readonly SqlToken[]): boolean {
  if (tokens.length === 1) return tokens[0]!.kind === 'string' || tokens[0]!.kind === 'number' || tokens[0]!.text === 'NULL'
  if (isNumberLiteral(tokens)) return true
  if (tokens[0]?.text === 'ARRAY' && tokens[1]?.text === '[') return closingIndex(tokens, 1) === tokens.length - 1
  return tokens[0]?.text === '(' && closingIndex(tokens, 0) === tokens.length - 1
}

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

function isNumberLiteral(tokens: readonly SqlToken[]): boolean {
  if (tokens.length === 2 && (tokens[0]!.text === '-' || tokens[0]!.text === '+')) return tokens[1]!.kind === 'number'
  if (tokens.length !== 1) return false
  const value = tokens[0]!.kind === 'number' ? tokens[0]!.text : stringValue(tokens[0])
  return value !== undefined && numberPattern.test(value.trim())
}

const booleanWords: Readonly<Record<string, string>> = { true: 'true', t: 'true', yes: 'true', on: 'true', false: 'false', f: 'false', no: 'false', off: 'false' }

/** canonicalValue re-prints a constant the way the column's type prints it. */
function canonicalValue(tokens: readonly SqlToken[], column: DefaultContext): readonly SqlToken[] {
  const text = stringValue(tokens[0])
  const single = tokens.length === 1
  if (column.isArray) return canonicalArray(tokens) ?? tokens
  if (numericTypes.has(column.type) && isNumberLiteral(tokens)) {
    const value = (tokens.length === 2 ? tokens[0]!.text + tokens[1]!.text : text ?? tokens[0]!.text).trim()
    return [{ kind: 'number', text: value.replace(/^\+/, '') }]
  }
  if (column.type === 'boolean' && single) {
    const word = booleanWords[(text ?? tokens[0]!.text).trim().toLowerCase()]
    if (word) return [{ kind: 'word', text: word }]
  }
  if ((column.type === 'json' || column.type === 'jsonb') && single && text !== undefined) {
    const json = canonicalJson(text, column.type === 'jsonb')
    if (json !== undefined) return [{ kind: 'string', text: quoteLiteral(json) }]
  }
  return tokens
}

/** Arrays print as `'{a,b}'` whether written `ARRAY['a', 'b']`, `ARRAY[]::text[]` or `'{"a","b"}'`. */
function canonicalArray(tokens: readonly SqlToken[]): SqlToken[] | undefined {
  let items: (string | null)[] | undefined
  if (tokens.length === 1) {
    const text = stringValue(tokens[0])
    items = text === undefined ? undefined : parseArrayLiteral(text)
  } else if (tokens[0]?.text === 'ARRAY' && tokens[1]?.text === '[' && closingIndex(tokens, 1) === tokens.length - 1) {
    items = arrayConstructorItems(tokens.slice(2, -1))
  }
  return items && [{ kind: 'string', text: quoteLiteral(renderArrayLiteral(items)) }]
}

/** arrayConstructorItems reads `'a'::text, 'b'::text` or `1, -2` (no nesting, no expressions). */
function arrayConstructorItems(inner: readonly SqlToken[]): (string | null)[] | undefined {
  if (inner.length === 0) return []
  const items: (string | null)[] = []
  let current: SqlToken[] = []
  for (const t of [...inner, { kind: 'punct', text: ',' } as SqlToken]) {
    if (t.text !== ',') {
      current.push(t)
      continue
    }
    const element = current.length >= 3 && current[1]!.text === '::' ? current.slice(0, 1) : current
    const value = element.length === 1 && element[0]!.text === 'NULL' ? null
      : isNumberLiteral(element) ? element.map((e) => stringValue(e) ?? e.text).join('')
        : element.length === 1 ? stringValue(element[0]) : undefined
    if (value === undefined) return undefined
    items.push(value)
    current = []
  }
  return items
}
