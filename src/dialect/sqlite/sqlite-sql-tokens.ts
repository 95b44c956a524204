/** SqlToken is one lexical token of SQLite DDL text, with its span in the source. */
export interface SqlToken {
  readonly kind: 'word' | 'ident' | 'string' | 'number' | 'punct'
  /** The token as written. */
  readonly text: string
  /** Words upper-cased; quoted identifiers and strings unquoted; everything else as written. */
  readonly value: string
  readonly start: number
  readonly end: number
}

/**
 * tokenize splits SQL into words, quoted identifiers (`"x"`, `` `x` ``, `[x]`), string literals, numbers and
 * single-character punctuation, skipping whitespace and comments.
 */
export function tokenize(sql: string): SqlToken[] {
  const tokens: SqlToken[] = []
  let i = 0
  while (i < sql.length) {
    const ch = sql[i]
    if (/\s/.test(ch)) {
      i++
    } else if (ch === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i)
      i = nl === -1 ? sql.length : nl + 1
    } else if (ch === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2)
      i = close === -1 ? sql.length : close + 2
    } else if (ch === '"' || ch === '`' || ch === '[' || ch === "'") {
      const end = endOfQuoted(sql, i)
      const text = sql.slice(i, end)
      tokens.push({ kind: ch === "'" ? 'string' : 'ident', text, value: unquote(text), start: i, end })
      i = end
    } else if (/[A-Za-z_]/.test(ch)) {
      const end = scan(sql, i, /[A-Za-z0-9_$]/)
      const text = sql.slice(i, end)
      tokens.push({ kind: 'word', text, value: text.toUpperCase(), start: i, end })
      i = end
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const end = scan(sql, i, /[0-9A-Za-z_.]/)
      const text = sql.slice(i, end)
      tokens.push({ kind: 'number', text, value: text, start: i, end })
      i = end
    } else {
      tokens.push({ kind: 'punct', text: ch, value: ch, start: i, end: i + 1 })
      i++
    }
  }
  return tokens
}

/** endOfQuoted returns the index just past the quoted run that opens at `start` (doubled closers stay inside). */
export function endOfQuoted(sql: string, start: number): number {
  const close = sql[start] === '[' ? ']' : sql[start]
  let i = start + 1
  while (i < sql.length) {
    if (sql[i] === close) {
      if (close !== ']' && sql[i + 1] === close) {
        i += 2
        continue
      }
      return i + 1
    }
    i++
  }
  return sql.length
}

/** unquote strips the quotes of an identifier or string literal and undoubles the quote inside. */
export function unquote(text: string): string {
  const open = text[0]
  if (open === '[') return text.slice(1, -1)
  if (open === '"' || open === '`' || open === "'") return text.slice(1, -1).split(open + open).join(open)
  return text
}

/** nameOf is the name a token denotes: a quoted identifier unquoted, a bare word or string as written. */
export function nameOf(token: SqlToken): string {
  return token.kind === 'word' ? token.text : token.value
}

/** closingParen returns the index of the `)` matching the `(` at `open`, or -1 when unbalanced. */
export function closingParen(tokens: readonly SqlToken[], open: number): number {
  let depth = 0
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].text === '(') depth++
    else if (tokens[i].text === ')' && --depth === 0) return i
  }
  return -1
}

/** splitTopLevel cuts tokens[from, to) at the commas outside parentheses. */
export function splitTopLevel(tokens: readonly SqlToken[], from: number, to: number): SqlToken[][] {
  const parts: SqlToken[][] = [[]]
  let depth = 0
  for (let i = from; i < to; i++) {
    const t = tokens[i]
    if (t.kind === 'punct' && t.text === '(') depth++
    if (t.kind === 'punct' && t.text === ')') depth--
    if (t.kind === 'punct' && t.text === ',' && depth === 0) parts.push([])
    else parts[parts.length - 1].push(t)
  }
  return parts.filter((p) => p.length > 0)
}

function scan(sql: string, start: number, pattern: RegExp): number {
  let i = start
  while (i < sql.length && pattern.test(sql[i])) i++
  return i
}
