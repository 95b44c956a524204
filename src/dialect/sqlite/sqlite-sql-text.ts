import { readsSameBare } from '../../model/bare-identifier'
import { endOfQuoted } from './sqlite-sql-tokens'

/**
 * canonicalSql is an SQL expression in canonical spelling: whitespace collapsed to single spaces outside
 * quotes and removed just inside parentheses, redundant outer parentheses stripped, and a name in double
 * quotes unquoted where it reads the same bare (SQLite's RENAME COLUMN writes the new name quoted into the
 * checks and expressions that read it). Text inside string literals and other quoted names is kept byte for byte.
 */
export function canonicalSql(text: string): string {
  let out = ''
  let space = false
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (/\s/.test(ch)) {
      space = true
      i++
      continue
    }
    const end = isQuote(ch) ? endOfQuoted(text, i) : i + 1
    if (space && out !== '' && !out.endsWith('(') && ch !== ')') out += ' '
    space = false
    const quoted = text.slice(i, end)
    const name = ch === '"' ? quoted.slice(1, -1) : undefined
    out += name !== undefined && readsSameBare(name) ? name : quoted
    i = end
  }
  return stripOuterParens(out)
}

/** stripOuterParens removes parentheses that enclose the whole expression, repeatedly. */
export function stripOuterParens(sql: string): string {
  let s = sql.trim()
  while (s.startsWith('(') && closingParenAt(s, 0) === s.length - 1) s = s.slice(1, -1).trim()
  return s
}

/** mentionsName says whether an expression may refer to a column (conservative: any case-insensitive match). */
export function mentionsName(expression: string, name: string): boolean {
  return expression.toLowerCase().includes(name.toLowerCase())
}

function closingParenAt(s: string, open: number): number {
  let depth = 0
  let i = open
  while (i < s.length) {
    const ch = s[i]
    if (isQuote(ch)) {
      i = endOfQuoted(s, i)
      continue
    }
    if (ch === '(') depth++
    if (ch === ')' && --depth === 0) return i
    i++
  }
  return -1
}

function isQuote(ch: string): boolean {
  return ch === "'" || ch === '"' || ch === '`' || ch === '['
}
