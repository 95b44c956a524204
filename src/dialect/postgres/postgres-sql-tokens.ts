/**
 * SqlToken is one lexical token of a PostgreSQL expression. `text` is the token as written; whitespace and
 * comments are dropped, so that spelling differences in spacing never survive canonicalization.
 */
export interface SqlToken {
  readonly kind: 'string' | 'ident' | 'word' | 'number' | 'op' | 'punct' | 'param'
  readonly text: string
}

const patterns: readonly (readonly [SqlToken['kind'] | 'space', RegExp])[] = [
  ['space', /^(?:\s+|--[^\n]*|\/\*[\s\S]*?\*\/)/],
  ['string', /^(?:[eEbBxXnN]|[uU]&)?'(?:[^']|'')*'/],
  ['string', /^\$([A-Za-z_][A-Za-z0-9_]*)?\$[\s\S]*?\$\1\$/],
  ['ident', /^(?:[uU]&)?"(?:[^"]|"")*"/],
  ['number', /^(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/],
  ['param', /^\$\d+/],
  ['word', /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/],
  ['op', /^(?:::|[+\-*/<>=~!@#%^&|`?]+)/],
  ['punct', /^[()[\],.;:]/],
]

/** nameOfToken is the name a word (folded to lower case) or a quoted identifier (unquoted) stands for; undefined for other tokens. */
export function nameOfToken(token: SqlToken): string | undefined {
  if (token.kind === 'word') return token.text.toLowerCase()
  if (token.kind !== 'ident') return undefined
  return token.text.startsWith('"') ? token.text.slice(1, -1).replace(/""/g, '"') : token.text
}

/** tokenizeSql splits an expression into tokens; it throws on text it cannot read (an unterminated quote). */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = []
  let rest = sql
  while (rest.length > 0) {
    const found = patterns.map(([kind, re]) => [kind, re.exec(rest)?.[0]] as const).find(([, m]) => m !== undefined)
    if (!found || found[1] === undefined) throw new Error(`postgres: cannot read SQL expression ${JSON.stringify(sql)}`)
    const [kind, text] = found
    if (kind !== 'space') tokens.push({ kind, text })
    rest = rest.slice(text.length)
  }
  return tokens
}

const spacedKeywords = new Set([
  'and', 'or', 'not', 'in', 'any', 'all', 'some', 'exists', 'is', 'case', 'when', 'then', 'else', 'between',
  'like', 'ilike', 'similar', 'as', 'from', 'on', 'using', 'where', 'values', 'distinct', 'escape',
])

/** renderSql writes tokens back with one canonical spacing, close to what PostgreSQL's deparser prints. */
export function renderSql(tokens: readonly SqlToken[]): string {
  let out = ''
  tokens.forEach((token, i) => {
    if (i > 0 && spaceBefore(tokens, i)) out += ' '
    out += token.text
  })
  return out
}

function spaceBefore(tokens: readonly SqlToken[], i: number): boolean {
  const prev = tokens[i - 1]!
  const next = tokens[i]!
  if (prev.text === '(' || prev.text === '[' || prev.text === '.' || prev.text === '::') return false
  if ([')', ']', ',', '.', '::', ';'].includes(next.text)) return false
  if (next.text === '[') return false
  if (next.text === '(') return !(prev.kind === 'ident' || (prev.kind === 'word' && !spacedKeywords.has(prev.text.toLowerCase())))
  if (prev.kind === 'op' && isUnary(tokens, i - 1)) return false
  return true
}

/** isUnary says whether the sign at `i` is a prefix (`-1`, `(-x)`) rather than a binary operator. */
export function isUnary(tokens: readonly SqlToken[], i: number): boolean {
  const token = tokens[i]!
  if (token.text !== '-' && token.text !== '+') return false
  const before = tokens[i - 1]
  if (before === undefined) return true
  return before.kind === 'op' || before.text === '(' || before.text === '[' || before.text === ',' ||
    (before.kind === 'word' && spacedKeywords.has(before.text.toLowerCase()))
}

/** closingIndex finds the bracket that closes the one at `open`, or -1. */
export function closingIndex(tokens: readonly SqlToken[], open: number): number {
  const pairs: Record<string, string> = { '(': ')', '[': ']' }
  const stack: string[] = []
  for (let i = open; i < tokens.length; i++) {
    const text = tokens[i]!.text
    if (text === '(' || text === '[') stack.push(pairs[text]!)
    else if (text === ')' || text === ']') {
      if (stack.pop() !== text) return -1
      if (stack.length === 0) return i
    }
  }
  return -1
}

/** stripOuterParens removes parentheses that wrap the whole expression, as often as they do. */
export function stripOuterParens(tokens: readonly SqlToken[]): readonly SqlToken[] {
  let current = tokens
  while (current.length >= 2 && current[0]!.text === '(' && closingIndex(current, 0) === current.length - 1) {
    current = current.slice(1, -1)
  }
  return current
}

/** stringValue reads the text of a plain single-quoted literal (`'it''s'` -> `it's`), else undefined. */
export function stringValue(token: SqlToken | undefined): string | undefined {
  if (token?.kind !== 'string' || !token.text.startsWith("'")) return undefined
  return token.text.slice(1, -1).replace(/''/g, "'")
}

/** skipType returns the index just past a type name written after `::`. */
export function skipType(tokens: readonly SqlToken[], start: number): number {
  let i = start
  while (i < tokens.length) {
    const t = tokens[i]!
    if (t.kind === 'word' || t.kind === 'ident' || t.text === '.') i++
    else if (t.text === '[' && tokens[i + 1]?.text === ']') i += 2
    else if (t.text === '(' && i > start) {
      let j = i + 1
      while (tokens[j]?.kind === 'number' || tokens[j]?.text === ',') j++
      if (tokens[j]?.text !== ')') return i
      i = j + 1
    } else return i
  }
  return i
}
