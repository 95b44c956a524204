/** quoteIdent is the one identifier quoting of the MySQL dialect: backticks, a backtick inside doubled. */
export function quoteIdent(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`'
}

/** columnList writes ``(`a`, `b`)``. */
export function columnList(columns: readonly string[]): string {
  return `(${columns.map(quoteIdent).join(', ')})`
}
