/**
 * quoteDoubled wraps an identifier in double quotes, doubling any inside (SQL standard; SQLite and
 * PostgreSQL both follow it). Dialects expose it as `quoteIdent`.
 */
export function quoteDoubled(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/** quoteLiteral writes a string as a SQL literal, doubling single quotes. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}
