import { quoteIdent } from './sqlite-quote'
import { type SqlToken, nameOf, tokenize } from './sqlite-sql-tokens'

/** Words after which a trigger's text names a table. */
const BEFORE_A_TABLE = new Set(['FROM', 'JOIN', 'INTO', 'UPDATE', 'ON', 'TABLE'])

/**
 * triggerWithTableRenamed is a trigger's text naming table `to` where it named `from`, as SQLite's RENAME
 * rewrites it: after FROM, JOIN, INTO, UPDATE, ON and TABLE, as a column's qualifier (`from.x`) and after a
 * schema's (`main.from`). A column of the same name (`SET from = 1`, `new.from`) is left as it is. The legacy
 * rename does not rewrite the text, where other tables' triggers call for it (see renameIntoPlace).
 */
export function triggerWithTableRenamed(sql: string, from: string, to: string): string {
  const tokens = tokenize(sql)
  const names = (token: SqlToken | undefined) => token !== undefined && (token.kind === 'word' || token.kind === 'ident') && nameOf(token).toLowerCase() === from.toLowerCase()
  const isSchema = (token: SqlToken | undefined) => token?.kind === 'word' && (token.value === 'MAIN' || token.value === 'TEMP')
  let text = ''
  let copiedTo = 0
  tokens.forEach((token, i) => {
    if (!names(token)) return
    const before = tokens[i - 1]
    const tablePlace =
      tokens[i + 1]?.text === '.' ||
      (before?.kind === 'word' && BEFORE_A_TABLE.has(before.value)) ||
      (before?.text === '.' && isSchema(tokens[i - 2]))
    if (!tablePlace) return
    text += sql.slice(copiedTo, token.start) + quoteIdent(to)
    copiedTo = token.end
  })
  return text + sql.slice(copiedTo)
}
