import { closingParen, tokenize } from './sqlite-sql-tokens'

/** parseIndexWhere returns the predicate of a partial index from its CREATE INDEX text, if it has one. */
export function parseIndexWhere(sql: string): string | undefined {
  const tokens = tokenize(sql)
  const open = tokens.findIndex((t) => t.text === '(')
  const close = open === -1 ? -1 : closingParen(tokens, open)
  const where = tokens.findIndex((t, i) => i > close && t.kind === 'word' && t.value === 'WHERE')
  return close === -1 || where === -1 ? undefined : sql.slice(tokens[where].end).trim()
}
