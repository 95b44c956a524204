import { canQuoteless, upperCaseWords } from './postgres-keywords'
import { closingIndex, renderSql, skipType, type SqlToken, stripOuterParens, tokenizeSql } from './postgres-sql-tokens'

/**
 * canonicalExpression is the one spelling of a SQL expression (a CHECK, an index predicate, a computed
 * column) that both the entities and PostgreSQL's deparser are brought to: needless quotes and parentheses
 * dropped, keywords cased as PostgreSQL prints them, the `::text` PostgreSQL adds to bare literals removed,
 * a cast of a whole ARRAY[...] made a cast of each element.
 */
export function canonicalExpression(text: string): string {
  const tokens = readTokens(text)
  if (!tokens) return text.trim()
  return renderSql(stripOuterParens(unwrapSingles(stripImplicitLiteralCasts(castEachElement(canonicalCastTypes(foldWords(tokens)))))))
}

/** readTokens tokenizes, or gives undefined for text the tokenizer cannot read (kept verbatim then). */
export function readTokens(text: string): SqlToken[] | undefined {
  try {
    return tokenizeSql(text)
  } catch {
    return undefined
  }
}

/** foldWords lower-cases identifiers, upper-cases the keywords PostgreSQL prints so, and unquotes safe names. */
export function foldWords(tokens: readonly SqlToken[]): SqlToken[] {
  return tokens.map((t): SqlToken => {
    if (t.kind === 'word') {
      const lower = t.text.toLowerCase()
      return { kind: 'word', text: upperCaseWords.has(lower) ? lower.toUpperCase() : lower }
    }
    if (t.kind === 'ident' && t.text.startsWith('"')) {
      const name = t.text.slice(1, -1).replace(/""/g, '"')
      return canQuoteless(name) ? { kind: 'ident', text: name } : t
    }
    return t
  })
}

/** How PostgreSQL prints the short names of built-in types in a cast: name, then what follows any `(n)`. */
const castSpellings: Readonly<Record<string, readonly [string, string]>> = {
  int: ['integer', ''], int4: ['integer', ''], int8: ['bigint', ''], int2: ['smallint', ''],
  varchar: ['character varying', ''], bool: ['boolean', ''], float8: ['double precision', ''],
  float4: ['real', ''], decimal: ['numeric', ''], timestamp: ['timestamp', 'without time zone'],
  timestamptz: ['timestamp', 'with time zone'], time: ['time', 'without time zone'], timetz: ['time', 'with time zone'],
}

/** canonicalCastTypes spells built-in type names after `::` as PostgreSQL prints them (`::int` -> `::integer`). */
export function canonicalCastTypes(tokens: readonly SqlToken[]): SqlToken[] {
  const out: SqlToken[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const spelling = tokens[i - 1]?.text === '::' && t.kind === 'word' && tokens[i + 1]?.kind !== 'word' ? castSpellings[t.text] : undefined
    if (!spelling) {
      out.push(t)
      continue
    }
    const close = tokens[i + 1]?.text === '(' ? closingIndex(tokens, i + 1) : -1
    if (close > 0 && tokens[close + 1]?.kind === 'word') {
      out.push(t) // already long-hand: `timestamp(3) with time zone`
      continue
    }
    out.push({ kind: 'word', text: spelling[0] })
    if (close > 0) {
      out.push(...tokens.slice(i + 1, close + 1))
      i = close
    }
    if (spelling[1] !== '') out.push({ kind: 'word', text: spelling[1] })
  }
  return out
}

/** Casts PostgreSQL writes after a bare literal when it resolves its type from context. */
const implicitCasts: ReadonlySet<string> = new Set(['text', 'regclass'])

const numberCasts: ReadonlySet<string> = new Set(['numeric', 'integer', 'bigint', 'smallint', 'real', 'double precision'])
const numberText = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

/**
 * stripImplicitLiteralCasts removes the casts PostgreSQL prints on constants whose type it resolved from
 * context: `::text` and `::regclass` after a string (`lower('X'::text)`), a numeric type after a number
 * (`price >= 0::numeric`, `'-1'::integer`).
 */
export function stripImplicitLiteralCasts(tokens: readonly SqlToken[]): SqlToken[] {
  const out: SqlToken[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const type = tokens[i + 1]
    const after = tokens[i + 2]?.text
    const last = out[out.length - 1]
    const number = last?.kind === 'number' ? last.text : last?.kind === 'string' && last.text.startsWith("'") ? last.text.slice(1, -1) : undefined
    const numberType = type?.text === 'double' && after === 'precision' ? 'double precision' : type?.text
    if (t.text === '::' && number !== undefined && numberText.test(number) && numberType !== undefined && numberCasts.has(numberType)) {
      const next = tokens[i + 1 + numberType.split(' ').length]?.text
      if (next !== '[' && next !== '(') {
        out[out.length - 1] = { kind: 'number', text: number }
        i += numberType.split(' ').length
        continue
      }
    }
    if (t.text === '::' && out[out.length - 1]?.kind === 'string' && type?.kind === 'word' &&
      implicitCasts.has(type.text.toLowerCase()) && after !== '[' && after !== '(' && after !== '.') {
      i++
      continue
    }
    out.push(t)
  }
  return out
}

/** unwrapSingles drops parentheses around one token (`(age)::text` -> `age::text`), never a call's. */
export function unwrapSingles(tokens: readonly SqlToken[]): SqlToken[] {
  const out: SqlToken[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const prev = out[out.length - 1]
    const callLike = prev !== undefined && (prev.kind === 'word' || prev.kind === 'ident' || prev.text === ']' || prev.text === ')')
    if (t.text === '(' && !callLike && closingIndex(tokens, i) === i + 2 && tokens[i + 1]!.kind !== 'op') {
      out.push(tokens[i + 1]!)
      i += 2
      continue
    }
    out.push(t)
  }
  return out
}

/**
 * castEachElement writes a cast of a whole one-dimensional ARRAY[...] as a cast of each of its elements
 * (`ARRAY['a'::character varying]::text[]` -> `ARRAY['a'::character varying::text]`), one array either way.
 * PostgreSQL prints `type IN ('a', 'b')` on a varchar column in the first form, and that text, read again (a
 * CHECK a `down` re-creates), in the second. An element that is more than one value and its casts is put in
 * parentheses, as PostgreSQL prints it (`(a + 1)::integer`). An empty or nested ARRAY stays as written.
 */
export function castEachElement(tokens: readonly SqlToken[]): SqlToken[] {
  const out: SqlToken[] = []
  for (let i = 0; i < tokens.length; i++) {
    const pushed = tokens[i]!.text === 'ARRAY' && tokens[i + 1]?.text === '[' ? elementCasts(tokens, i) : undefined
    if (pushed === undefined) {
      out.push(tokens[i]!)
      continue
    }
    out.push(...pushed.tokens)
    i = pushed.end - 1
  }
  return out
}

/** elementCasts reads `ARRAY[...]::type[]` at `at`: the ARRAY with the cast on each element and the index past the cast, or undefined. */
function elementCasts(tokens: readonly SqlToken[], at: number): { tokens: SqlToken[]; end: number } | undefined {
  const close = closingIndex(tokens, at + 1)
  if (close < 0 || close === at + 2 || tokens[close + 1]?.text !== '::') return undefined
  const end = skipType(tokens, close + 2)
  const type = tokens.slice(close + 2, end)
  const oneDimension = type.length > 2 && type[type.length - 2]!.text === '[' && type[type.length - 3]?.text !== ']'
  if (!oneDimension || ['[', '.'].includes(tokens[end]?.text ?? '')) return undefined
  const elements = castEachElement(tokens.slice(at + 2, close))
  const parts: SqlToken[][] = [[]]
  for (let i = 0; i < elements.length; i++) {
    const t = elements[i]!
    if (t.text === ',') parts.push([])
    else if (t.text === '(' || t.text === '[') {
      const inner = closingIndex(elements, i)
      parts[parts.length - 1]!.push(...elements.slice(i, inner + 1))
      i = inner
    } else parts[parts.length - 1]!.push(t)
  }
  if (parts.some((part) => part.length === 0 || part[0]!.text === 'ARRAY')) return undefined
  const cast: SqlToken[] = [{ kind: 'op', text: '::' }, ...type.slice(0, -2)]
  const each = parts.map((part) => [...(isOneValue(part) ? part : [{ kind: 'punct', text: '(' } as SqlToken, ...part, { kind: 'punct', text: ')' } as SqlToken]), ...cast])
  return { tokens: [tokens[at]!, tokens[at + 1]!, ...each.flatMap((part, k) => (k === 0 ? part : [{ kind: 'punct', text: ',' } as SqlToken, ...part])), tokens[close]!], end }
}

/** isOneValue: one literal, name (qualified or not), call or parenthesized group, then only casts. */
function isOneValue(part: readonly SqlToken[]): boolean {
  const first = part[0]!
  let i = 1
  if (first.text === '(') i = closingIndex(part, 0) + 1
  else if (first.kind === 'op' || first.kind === 'punct') return false
  else if (part[1]?.text === '(' && (first.kind === 'word' || first.kind === 'ident')) i = closingIndex(part, 1) + 1
  else while (part[i]?.text === '.' && (part[i + 1]?.kind === 'word' || part[i + 1]?.kind === 'ident')) i += 2
  if (i <= 0) return false
  while (part[i]?.text === '::') i = skipType(part, i + 1)
  return i === part.length
}
