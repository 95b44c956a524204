import type { QualifiedName } from '../model/schema-model'
import { type RenameDecision, movesSchema } from './rename-types'

/**
 * renameFlagText is the `--rename` option that carries out `rename`, ready to paste into a shell:
 * `--rename post.body=content`, `--rename old_table=new_table`, `--rename crm.client=sales.client` (a table
 * moved to another schema). A name holding `.`, `=`, `"` or a space is
 * written in double quotes (`--rename 'guilds."roles.muted"="roles.timeout"'`), as splitRenameFlag reads it.
 * `qualified` names a column's table with its schema (`--rename core.usage.amount=units`), for a table name
 * that tables of several schemas have.
 */
export function renameFlagText(rename: RenameDecision, qualified = false): string {
  const table = qualified && rename.table.schema !== undefined ? `${flagPart(rename.table.schema)}.${flagPart(rename.table.name)}` : flagPart(rename.table.name)
  const value = rename.kind === 'column'
    ? `${table}.${flagPart(rename.from)}=${flagPart(rename.to)}`
    : movesSchema(rename)
      ? `${flagPart(rename.table.schema!)}.${flagPart(rename.from)}=${flagPart(rename.toSchema!)}.${flagPart(rename.to)}`
      : `${flagPart(rename.from)}=${flagPart(rename.to)}`
  return shellWord(value)
}

/** labelRenameFlagText is the `--rename` option renaming label `from` of the enum column `column` of `table` to `to`: `--rename task.status:pending=queued`. */
export function labelRenameFlagText(table: QualifiedName, column: string, from: string, to: string): string {
  return shellWord(`${flagPart(table.name)}.${flagPart(column)}:${flagPart(from)}=${flagPart(to)}`)
}

function shellWord(value: string): string {
  return /["\s]/.test(value) ? `--rename '${value.replace(/'/g, `'\\''`)}'` : `--rename ${value}`
}

function flagPart(name: string): string {
  return /[.=:"\s]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name
}

/**
 * splitRenameFlag reads a `--rename` value as its dotted path before `=` and the name after it, which may name
 * its schema (`toSchema`); a part in double quotes may hold `.` and `=` (`""` is a quote). Undefined where the
 * value is not of that form.
 */
export function splitRenameFlag(value: string): { readonly path: readonly string[]; readonly to: string; readonly toSchema?: string } | undefined {
  const parts: string[][] = [[]]
  let i = 0
  let part = ''
  let quoted = false
  const close = () => {
    parts[parts.length - 1]!.push(part)
    part = ''
  }
  while (i < value.length) {
    const ch = value[i]!
    if (ch === '"' && part === '' && !quoted && (i === 0 || '.='.includes(value[i - 1]!))) {
      const end = closingQuote(value, i)
      if (end < 0) return undefined
      part = value.slice(i + 1, end).replace(/""/g, '"')
      quoted = true
      i = end + 1
    } else if (ch === '.' || ch === '=') {
      close()
      quoted = false
      if (ch === '=') parts.push([])
      i++
    } else {
      if (quoted) return undefined
      part += ch
      i++
    }
  }
  close()
  if (parts.length !== 2 || parts[1]!.length > 2) return undefined
  const target = parts[1]!
  return target.length === 2 ? { path: parts[0]!, to: target[1]!, toSchema: target[0]! } : { path: parts[0]!, to: target[0]! }
}

function closingQuote(value: string, open: number): number {
  let i = open + 1
  while (i < value.length) {
    if (value[i] === '"') {
      if (value[i + 1] === '"') i += 2
      else return i
    } else i++
  }
  return -1
}
