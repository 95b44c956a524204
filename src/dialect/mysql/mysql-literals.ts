/**
 * MySQL string literals: unlike the SQL standard, MySQL reads a backslash inside quotes as an escape, so a
 * backslash is doubled as well as a quote. The default sql_mode is assumed: under NO_BACKSLASH_ESCAPES a
 * doubled backslash would read as two.
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
