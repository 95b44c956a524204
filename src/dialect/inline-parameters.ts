/**
 * PlaceholderSyntax is how a dialect's driver marks a query's parameters and quotes what may hide one:
 * PostgreSQL numbers them (`$1`) and has dollar-quoted strings, SQLite marks each with `?`.
 */
export interface PlaceholderSyntax {
  readonly placeholder: RegExp
  /** The index into the parameters of a matched placeholder, or of the n-th placeholder met (0-based). */
  indexOf(match: string, nth: number): number
  readonly dollarQuotes: boolean
  /** Names may be quoted in square brackets (SQLite), where PostgreSQL has array subscripts. */
  readonly bracketNames: boolean
  /** literal writes a value as SQL, or undefined when the dialect has no literal for its kind. */
  literal(value: unknown): string | undefined
}

/** LiteralSpelling is how a dialect writes the values a driver takes that differ between dialects. */
export interface LiteralSpelling {
  readonly true: string
  readonly false: string
  string(value: string): string
  bytes(value: Buffer): string
  /** Absent: a date has no literal (the driver would refuse it). */
  date?(value: Date): string
}

/** scalarLiteral writes null, numbers, booleans, strings, buffers and dates as `spelling` says; other values have none. */
export function scalarLiteral(value: unknown, spelling: LiteralSpelling): string | undefined {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined
  if (typeof value === 'bigint') return String(value)
  if (typeof value === 'boolean') return value ? spelling.true : spelling.false
  if (typeof value === 'string') return spelling.string(value)
  if (Buffer.isBuffer(value)) return spelling.bytes(value)
  if (value instanceof Date) return spelling.date?.(value)
  return undefined
}

/**
 * inlineParameters writes `parameters` into `sql` in place of its placeholders, skipping strings, quoted
 * names and comments; undefined when a parameter has no literal or a placeholder has no parameter.
 */
export function inlineParameters(sql: string, parameters: readonly unknown[], syntax: PlaceholderSyntax): string | undefined {
  let out = ''
  let nth = 0
  let i = 0
  while (i < sql.length) {
    const skipped = quotedEnd(sql, i, syntax)
    if (skipped > i) {
      out += sql.slice(i, skipped)
      i = skipped
      continue
    }
    syntax.placeholder.lastIndex = i
    const match = syntax.placeholder.exec(sql)
    if (match !== null && match.index === i && !/[\w$]/.test(sql[i - 1] ?? '')) {
      const index = syntax.indexOf(match[0], nth++)
      if (index < 0 || index >= parameters.length) return undefined
      const literal = syntax.literal(parameters[index])
      if (literal === undefined) return undefined
      out += literal
      i += match[0].length
      continue
    }
    out += sql[i]
    i++
  }
  return out
}

/** quotedEnd is the end of the string, quoted name or comment that starts at `i`, or `i` when none does. */
function quotedEnd(sql: string, i: number, syntax: PlaceholderSyntax): number {
  const c = sql[i]!
  if (c === "'" || c === '"' || c === '`') {
    const backslashes = c === "'" && /[eE]/.test(sql[i - 1] ?? '') && !/\w/.test(sql[i - 2] ?? '')
    for (let j = i + 1; j < sql.length; j++) {
      if (backslashes && sql[j] === '\\') j++
      else if (sql[j] === c) {
        if (sql[j + 1] !== c) return j + 1
        j++
      }
    }
    return sql.length
  }
  if (c === '[' && syntax.bracketNames) return closingAt(sql, i + 1, ']')
  if (c === '-' && sql[i + 1] === '-') return closingAt(sql, i + 2, '\n')
  if (c === '/' && sql[i + 1] === '*') return closingAt(sql, i + 2, '*/')
  if (c === '$' && syntax.dollarQuotes) {
    const tag = /^\$(?:[A-Za-z_]\w*)?\$/.exec(sql.slice(i))?.[0]
    if (tag !== undefined) return closingAt(sql, i + tag.length, tag)
  }
  return i
}

function closingAt(sql: string, from: number, close: string): number {
  const at = sql.indexOf(close, from)
  return at < 0 ? sql.length : at + close.length
}
