import { type SqlToken, closingParen, splitTopLevel, tokenize } from './sqlite-sql-tokens'

/** parseIndexWhere returns the predicate of a partial index from its CREATE INDEX text, if it has one. */
export function parseIndexWhere(sql: string): string | undefined {
  const tokens = tokenize(sql)
  const open = tokens.findIndex((t) => t.text === '(')
  const close = open === -1 ? -1 : closingParen(tokens, open)
  const where = tokens.findIndex((t, i) => i > close && t.kind === 'word' && t.value === 'WHERE')
  return close === -1 || where === -1 ? undefined : sql.slice(tokens[where].end).trim()
}

/**
 * parseIndexKeys returns the text of each key of a CREATE INDEX, in order, without its COLLATE and ASC/DESC
 * (the pragmas report those): a column name as written, or an expression.
 */
export function parseIndexKeys(sql: string): string[] {
  const tokens = tokenize(sql)
  const open = tokens.findIndex((t) => t.text === '(')
  const close = open === -1 ? -1 : closingParen(tokens, open)
  return close === -1 ? [] : splitTopLevel(tokens, open + 1, close).map((key) => keyText(sql, key))
}

function keyText(sql: string, key: readonly SqlToken[]): string {
  let end = key.length
  if (end > 0 && key[end - 1].kind === 'word' && (key[end - 1].value === 'ASC' || key[end - 1].value === 'DESC')) end--
  if (end > 1 && key[end - 2].kind === 'word' && key[end - 2].value === 'COLLATE') end -= 2
  return end === 0 ? '' : sql.slice(key[0].start, key[end - 1].end)
}
