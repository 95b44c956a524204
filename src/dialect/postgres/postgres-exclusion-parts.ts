import { canonicalExpression, foldWords, readTokens } from './postgres-expressions'
import { closingIndex, renderSql, type SqlToken } from './postgres-sql-tokens'

/**
 * ExclusionParts are the pieces of an exclusion constraint's definition (what follows `EXCLUDE`), each in
 * canonical form: `USING gist (room WITH =, tstzrange("from", "to") WITH &&) WHERE (NOT cancelled)`.
 */
export interface ExclusionParts {
  /** The index method; `btree` where none is written, as PostgreSQL takes it. */
  readonly method: string
  readonly elements: readonly ExclusionElement[]
  /** What follows the elements but the predicate (INCLUDE, WITH, USING INDEX TABLESPACE, DEFERRABLE). */
  readonly options: string
  readonly where?: string
}

/** ExclusionElement is one `expression [opclass] [ASC | DESC] [NULLS FIRST | LAST] WITH operator`. */
export interface ExclusionElement {
  readonly expression: string
  /** Operator class, order and NULLS placement, as written after the expression. */
  readonly options: string
  readonly operator: string
}

/** exclusionParts reads a definition into its parts; undefined where it does not read as one. */
export function exclusionParts(definition: string): ExclusionParts | undefined {
  const tokens = readTokens(definition)
  if (tokens === undefined) return undefined
  let at = 0
  let method = 'btree'
  if (isWord(tokens[0], 'using')) {
    const name = tokens[1]
    if (name === undefined || (name.kind !== 'word' && name.kind !== 'ident')) return undefined
    method = foldWords([name])[0]!.text
    at = 2
  }
  if (tokens[at]?.text !== '(') return undefined
  const close = closingIndex(tokens, at)
  if (close < 0) return undefined
  const elements = splitAtCommas(tokens.slice(at + 1, close)).map(elementOf)
  if (elements.length === 0 || elements.some((e) => e === undefined)) return undefined
  const rest = tokens.slice(close + 1)
  const whereAt = rest.findIndex((t) => isWord(t, 'where'))
  if (whereAt < 0) return { method, elements: elements as ExclusionElement[], options: canonicalTokens(rest) }
  if (rest[whereAt + 1]?.text !== '(') return undefined
  const whereClose = closingIndex(rest, whereAt + 1)
  if (whereClose < 0) return undefined
  const where = canonicalExpression(renderSql(rest.slice(whereAt + 2, whereClose)))
  const options = canonicalTokens([...rest.slice(0, whereAt), ...rest.slice(whereClose + 1)])
  return { method, elements: elements as ExclusionElement[], options, where }
}

/** exclusionText writes parts as one definition: the canonical form both sides are compared in. */
export function exclusionText(parts: ExclusionParts): string {
  const elements = parts.elements.map((e) => [e.expression, e.options, 'WITH', e.operator].filter((p) => p !== '').join(' '))
  const text = [`USING ${parts.method} (${elements.join(', ')})`, parts.options]
  if (parts.where !== undefined) text.push(`WHERE (${parts.where})`)
  return text.filter((p) => p !== '').join(' ')
}

/** canonicalExclusion is a definition's canonical form, or its text with canonical spelling where it reads as no parts. */
export function canonicalExclusion(definition: string): string {
  const parts = exclusionParts(definition)
  return parts === undefined ? canonicalExpression(definition) : exclusionText(parts)
}

function elementOf(tokens: readonly SqlToken[]): ExclusionElement | undefined {
  const outside = outsideBrackets(tokens)
  let withAt = -1
  tokens.forEach((t, i) => {
    if (isWord(t, 'with') && outside[i]) withAt = i
  })
  if (withAt <= 0 || withAt === tokens.length - 1) return undefined
  const expressionEnd = expressionEndOf(tokens.slice(0, withAt))
  if (expressionEnd === undefined) return undefined
  return {
    expression: canonicalExpression(renderSql(tokens.slice(0, expressionEnd))),
    options: canonicalTokens(tokens.slice(expressionEnd, withAt)),
    operator: renderSql(tokens.slice(withAt + 1)),
  }
}

/** expressionEndOf is where an element's expression ends: a parenthesized expression, a call, or a column name. */
function expressionEndOf(tokens: readonly SqlToken[]): number | undefined {
  if (tokens[0]?.text === '(') {
    const close = closingIndex(tokens, 0)
    return close < 0 ? undefined : close + 1
  }
  let end = 1
  // A schema-qualified function's name.
  while (tokens[end]?.text === '.' && tokens[end + 1] !== undefined) end += 2
  if (tokens[end]?.text !== '(') return 1
  const close = closingIndex(tokens, end)
  return close < 0 ? undefined : close + 1
}

function splitAtCommas(tokens: readonly SqlToken[]): SqlToken[][] {
  const outside = outsideBrackets(tokens)
  const parts: SqlToken[][] = [[]]
  tokens.forEach((t, i) => {
    if (t.text === ',' && outside[i]) parts.push([])
    else parts.at(-1)!.push(t)
  })
  return parts.filter((p) => p.length > 0)
}

/** outsideBrackets says, for each token, whether no bracket opened before it is still open. */
function outsideBrackets(tokens: readonly SqlToken[]): boolean[] {
  let depth = 0
  return tokens.map(({ text }) => {
    const outside = depth === 0
    if (text === '(' || text === '[') depth++
    else if (text === ')' || text === ']') depth--
    return outside
  })
}

function canonicalTokens(tokens: readonly SqlToken[]): string {
  return renderSql(foldWords(tokens).map(unquotedNumber))
}

/** PostgreSQL prints a storage parameter's value quoted (`fillfactor='70'`), as an entity may write it or not. */
function unquotedNumber(token: SqlToken): SqlToken {
  const number = token.kind === 'string' ? /^'(\d+(?:\.\d+)?)'$/.exec(token.text)?.[1] : undefined
  return number === undefined ? token : { kind: 'number', text: number }
}

function isWord(token: SqlToken | undefined, word: string): boolean {
  return token?.kind === 'word' && token.text.toLowerCase() === word
}
