/**
 * canonicalMysqlExpression is the one spelling in which CHECK, generated-column and view expressions are
 * compared: outside string literals, identifiers unquoted (backticks, and double quotes, which TypeORM's
 * users write under ANSI_QUOTES) and lower case (MySQL matches column names case-insensitively), the
 * database name that MySQL prefixes to stored names and the charset introducers it adds to literals dropped, whitespace removed around punctuation and
 * operators and else collapsed to one space; string literals in single quotes with '' doubling (MariaDB
 * prints `\'`); the spellings MariaDB stores folded back: `lcase(` and `ucase(` are `lower(` and `upper(`,
 * `true`/`false` are `1`/`0`, `current_date` is `curdate()`.
 */
export function canonicalMysqlExpression(sql: string, database?: string): string {
  const tokens = tokensOf(sql.trim())
  const db = database?.toLowerCase()
  // `db`.`t` becomes `t`, keeping the space before `db`.
  const words: Token[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (db !== undefined && t.kind === 'word' && t.text === db && tokens[i + 1]?.text === '.' && tokens[i + 2]?.kind === 'word') {
      words.push({ ...tokens[i + 2]!, spaced: t.spaced })
      i += 2
    } else if (t.kind === 'word' && /^_[a-z0-9]+$/.test(t.text) && tokens[i + 1]?.kind === 'string') {
      continue // a charset introducer (`_utf8mb4'a'`), which MySQL 8 prints before every literal
    } else if (t.kind === 'word' && t.text === 'current_date') {
      words.push({ ...t, text: 'curdate()' })
      if (tokens[i + 1]?.text === '(' && tokens[i + 2]?.text === ')') i += 2
    } else if (t.kind === 'word' && tokens[i + 1]?.text === '(' && foldedFunctions[t.text] !== undefined) {
      words.push({ ...t, text: foldedFunctions[t.text]! })
    } else if (t.kind === 'word' && (t.text === 'true' || t.text === 'false')) {
      words.push({ ...t, text: t.text === 'true' ? '1' : '0' })
    } else if (t.kind === 'string') {
      words.push({ ...t, text: `'${t.text.slice(1, -1).replace(/\\(['"\\])|''/g, (pair, escaped: string | undefined) => escaped ?? "'").replace(/'/g, "''")}'` })
    } else words.push(t)
  }
  return joined(words)
}

/**
 * withoutCharsetConversions is canonicalMysqlExpression's spelling of `sql` with each `convert(<x> using <charset>)`
 * made `<x>`. MariaDB stores a generated column's expression with such a conversion around each column whose
 * charset differs from the expression's, and wraps them again on each later change of a charset it reads
 * (`convert(convert(code using utf8mb3) using utf8mb4)`), where the expression written again gets one.
 */
export function withoutCharsetConversions(sql: string): string {
  return joined(unconverted(tokensOf(canonicalMysqlExpression(sql))))
}

function unconverted(tokens: readonly Token[]): readonly Token[] {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.kind !== 'word' || tokens[i]!.text !== 'convert' || tokens[i + 1]?.text !== '(') continue
    const end = matchingParenthesis(tokens, i + 1)
    const [using, charset] = [tokens[end - 2], tokens[end - 1]]
    if (end - 2 <= i + 2 || using?.kind !== 'word' || using.text !== 'using' || charset?.kind !== 'word') continue
    const inner = tokens.slice(i + 2, end - 2)
    return unconverted([...tokens.slice(0, i), { ...inner[0]!, spaced: tokens[i]!.spaced }, ...inner.slice(1), ...tokens.slice(end + 1)])
  }
  return tokens
}

/** matchingParenthesis is the index of the `)` closing the `(` at `open` (the end when none does). */
function matchingParenthesis(tokens: readonly Token[], open: number): number {
  let depth = 0
  for (let j = open; j < tokens.length; j++) {
    if (tokens[j]!.kind !== 'punct') continue
    if (tokens[j]!.text === '(') depth++
    else if (tokens[j]!.text === ')' && --depth === 0) return j
  }
  return tokens.length
}

function joined(words: readonly Token[]): string {
  let out = ''
  for (const [i, t] of words.entries()) {
    const previous = words[i - 1]
    if (previous !== undefined && t.spaced && previous.kind !== 'punct' && t.kind !== 'punct') out += ' '
    out += t.text
  }
  return out
}

/**
 * doubleQuotedTexts are what an expression writes in double quotes (`"age"`), outside strings and backquoted
 * names, but for an alias after AS (`nick AS "nick"`), which MySQL reads as a name even there.
 */
export function doubleQuotedTexts(sql: string): string[] {
  return doubleQuotedSpans(sql).map(([start, end]) => sql.slice(start + 1, end - 1).split('""').join('"'))
}

/** withoutDoubleQuotedTexts is `sql` with each text doubleQuotedTexts finds (a string, where sql_mode has no ANSI_QUOTES) made `''`. */
export function withoutDoubleQuotedTexts(sql: string): string {
  let out = ''
  let at = 0
  for (const [start, end] of doubleQuotedSpans(sql)) {
    out += `${sql.slice(at, start)}''`
    at = end
  }
  return out + sql.slice(at)
}

/** doubleQuotedSpans are where doubleQuotedTexts' texts stand in `sql`, their quotes included: [start, end). */
function doubleQuotedSpans(sql: string): (readonly [number, number])[] {
  const spans: (readonly [number, number])[] = []
  let i = 0
  while (i < sql.length) {
    const c = sql[i]!
    if (c !== "'" && c !== '`' && c !== '"') {
      i++
      continue
    }
    const end = closing(sql, i, c)
    if (c === '"' && !/\bas\s*$/i.test(sql.slice(0, i))) spans.push([i, end])
    i = end
  }
  return spans
}

/** The functions MariaDB stores under another name. */
const foldedFunctions: Readonly<Record<string, string>> = { lcase: 'lower', ucase: 'upper' }

interface Token {
  readonly kind: 'word' | 'string' | 'punct'
  readonly text: string
  /** Whitespace came before it. */
  readonly spaced: boolean
}

function tokensOf(sql: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  let spaced = false
  while (i < sql.length) {
    const c = sql[i]!
    if (/\s/.test(c)) {
      spaced = true
      i++
      continue
    }
    if (c === "'") {
      const end = closing(sql, i, "'")
      tokens.push({ kind: 'string', text: sql.slice(i, end), spaced })
      i = end
    } else if (c === '`' || c === '"') {
      const end = closing(sql, i, c)
      const name = sql.slice(i + 1, end - 1).split(c + c).join(c)
      tokens.push({ kind: 'word', text: name.toLowerCase(), spaced })
      i = end
    } else if (/[A-Za-z0-9_$]/.test(c)) {
      const word = /^(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?(?![A-Za-z_$])|[A-Za-z0-9_$]+)/i.exec(sql.slice(i))![0]
      tokens.push({ kind: 'word', text: word.toLowerCase(), spaced })
      i += word.length
    } else {
      const two = sql.slice(i, i + 2)
      const op = ['<=', '>=', '<>', '!=', '||', '&&', '<<', '>>'].includes(two) ? two : c
      tokens.push({ kind: 'punct', text: op === '!=' ? '<>' : op, spaced })
      i += op.length
    }
    spaced = false
  }
  return tokens
}

/** closing is the index just past the quote closing the one at `start` (a doubled quote or a backslash escape stays inside). */
function closing(sql: string, start: number, quote: string): number {
  let i = start + 1
  while (i < sql.length) {
    if (sql[i] === '\\' && quote === "'") i += 2
    else if (sql[i] === quote && sql[i + 1] === quote) i += 2
    else if (sql[i] === quote) return i + 1
    else i++
  }
  return sql.length
}
