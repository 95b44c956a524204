/**
 * MySQL string literals: unlike the SQL standard, MySQL reads a backslash inside quotes as an escape
 * (unless NO_BACKSLASH_ESCAPES is set), so a backslash is doubled as well as a quote. Doubled backslashes
 * read back the same under NO_BACKSLASH_ESCAPES only for quotes; the server's default mode is assumed.
 */

/** quoteString writes a string as a MySQL literal: `'it''s a \\ b'`. */
export function quoteString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`
}

/**
 * literalSql writes a canonical SQL text (the model's form: a string literal single-quoted with `''`
 * doubling, a number, a keyword, an expression) as MySQL reads it: a whole string literal has its
 * backslashes doubled; anything else is written as it is.
 */
export function literalSql(canonical: string): string {
  const literal = /^'((?:[^']|'')*)'$/s.exec(canonical)
  return literal ? quoteString(literal[1]!.replace(/''/g, "'")) : canonical
}
