import { readsSameBare } from '../model/bare-identifier'
import type { CheckModel, ComputedColumn, ExclusionModel, IndexModel } from '../model/schema-model'

/**
 * renameIdentifier rewrites the column references `from` in a SQL expression (a check, a partial index
 * predicate, a computed column) to `to`, as PostgreSQL and SQLite themselves do on RENAME COLUMN. It knows
 * just enough SQL to do that in any dialect: string literals are left alone; an identifier quoted with
 * `"`, `` ` `` or `[]` is compared exactly and keeps its quotes; a bare word is compared without case, and is
 * not a reference when it names a function (`length(...)`) or a type (`::text`). A replaced bare word stays
 * bare where the new name reads the same bare in every dialect (lower case, no keyword), as the databases print
 * it and canonical expressions spell it; else it is written double-quoted, which reads as the exact name. In a
 * canonical expression (`canonical`), which spells every name that reads the same bare so, a quoted name
 * replaced by such a name loses its quotes too (`"ssoDomain"` renamed `sso_domain`).
 */
export function renameIdentifier(sql: string, from: string, to: string, canonical = false): string {
  let out = ''
  let i = 0
  while (i < sql.length) {
    const c = sql[i]
    if (c === "'") {
      const end = closing(sql, i, "'")
      out += sql.slice(i, end)
      i = end
    } else if (c === '"' || c === '`') {
      const end = closing(sql, i, c)
      const name = sql.slice(i + 1, end - 1).split(c + c).join(c)
      out += name !== from ? sql.slice(i, end) : canonical && readsSameBare(to) ? to : quoted(to, c)
      i = end
    } else if (c === '[') {
      const end = sql.indexOf(']', i) < 0 ? sql.length : sql.indexOf(']', i) + 1
      out += sql.slice(i + 1, end - 1) === from ? `[${to}]` : sql.slice(i, end)
      i = end
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const word = /^[A-Za-z0-9_$\u0080-\uffff]+/.exec(sql.slice(i))![0]
      const end = i + word.length
      const reference = word.toLowerCase() === from.toLowerCase() && !/^\s*\(/.test(sql.slice(end)) && !/::\s*$/.test(out)
      out += reference ? (readsSameBare(to) ? to : quoted(to, '"')) : word
      i = end
    } else if (/[0-9]/.test(c)) {
      const number = /^[0-9A-Za-z_.]+/.exec(sql.slice(i))![0]
      out += number
      i += number.length
    } else {
      out += c
      i += 1
    }
  }
  return out
}

/** closing is the index just past the quote closing the quoted text that starts at `start` (doubled quotes stay inside). */
function closing(sql: string, start: number, quote: string): number {
  let i = start + 1
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2
      else return i + 1
    } else {
      i += 1
    }
  }
  return sql.length
}

function quoted(name: string, quote: string): string {
  return `${quote}${name.split(quote).join(quote + quote)}${quote}`
}

/** mentionsColumn says whether a SQL expression refers to `column` (renameIdentifier would rewrite it). */
export function mentionsColumn(sql: string, column: string): boolean {
  return renameIdentifier(sql, column, `${column}\u0000`) !== sql
}

/**
 * checkMentionsColumn, exclusionMentionsColumn, predicateMentionsColumn and computedMentionsColumn read a
 * check's, an exclusion constraint's, a partial index's or a generated column's written SQL as well as its canonical text: the written SQL keeps the quotes a name like
 * `e-mail` needs, which a canonical form (MySQL's) may drop.
 */
export function checkMentionsColumn(check: CheckModel, column: string): boolean {
  return mentionsIn([check.expression, check.expressionSql], column)
}

export function exclusionMentionsColumn(exclusion: ExclusionModel, column: string): boolean {
  return mentionsIn([exclusion.definition, exclusion.definitionSql], column)
}

export function computedMentionsColumn(computed: ComputedColumn, column: string): boolean {
  return mentionsIn([computed.expression, computed.expressionSql], column)
}

export function predicateMentionsColumn(index: IndexModel, column: string): boolean {
  return mentionsIn([index.where, index.whereSql], column)
}

function mentionsIn(texts: readonly (string | undefined)[], column: string): boolean {
  return texts.some((sql) => sql !== undefined && mentionsColumn(sql, column))
}
