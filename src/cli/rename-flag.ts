import type { AnyRenameHint, LabelRenameHint, RenameHint } from '../diff/rename-types'
import { splitRenameFlag } from '../diff/rename-flag-text'
import { UserError } from '../source/user-error'

/**
 * parseRenameFlags reads repeated `--rename` values: `table.old=new` renames a column of `table` (its old or
 * new name), `schema.table.old=new` one of a table in `schema`, `old_table=new_table` a table,
 * `schema.table=other_schema.new_table` a table moved to another schema (renamed too, if the names differ), and
 * `table.column:old=new` a label of the enum of `column` (its new name). A name or label holding `.`, `=` or `:`
 * is written in double quotes: `guilds."roles.muted"="roles.timeout"`.
 */
export function parseRenameFlags(values: readonly string[] | undefined): AnyRenameHint[] {
  return (values ?? []).map((value) => {
    const origin = `--rename ${value}`
    const colon = unquotedColon(value.trim())
    return colon === undefined ? parseRenameFlag(value, origin) : parseLabelFlag(value.trim(), colon, origin)
  })
}

function parseLabelFlag(value: string, colon: number, origin: string): LabelRenameHint {
  const path = splitRenameFlag(`${value.slice(0, colon)}=_`)?.path ?? []
  const labels = splitRenameFlag(value.slice(colon + 1))
  if (path.length < 2 || path.length > 3 || path.some((part) => part === '') || labels === undefined || labels.path.length !== 1 || labels.toSchema !== undefined) {
    throw new UserError(`${origin} is not table.column:old_label=new_label (an enum label renamed); write a name or label holding . = or : in double quotes`)
  }
  const table = path.length === 3 ? { schema: path[0], name: path[1] } : { name: path[0] }
  return { kind: 'label', table, column: path[path.length - 1]!, from: labels.path[0]!, to: labels.to, origin }
}

/** unquotedColon is where the first `:` outside double quotes is, marking a label's rename. */
function unquotedColon(value: string): number | undefined {
  let quoted = false
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '"') quoted = !quoted
    else if (value[i] === ':' && !quoted) return i
  }
  return undefined
}

function parseRenameFlag(value: string, origin: string): RenameHint {
  const split = splitRenameFlag(value.trim())
  const path = split?.path ?? []
  const move = split?.toSchema !== undefined
  if (split === undefined || split.to === '' || split.toSchema === '' || path.length > 3 || path.some((part) => part === '') || (move && path.length !== 2)) {
    throw new UserError(`${origin} is not table.old_column=new_column (a column), old_table=new_table (a table), schema.table=new_schema.new_table (a table moved to another schema) nor table.column:old_label=new_label (an enum label); write a name holding . = or : in double quotes`)
  }
  const { to, toSchema } = split
  if (toSchema !== undefined) return { kind: 'table', table: { schema: path[0], name: path[1] }, from: path[1]!, to, toSchema, move: true, origin }
  if (path.length === 1) return { kind: 'table', table: { name: path[0] }, from: path[0], to, origin }
  const from = path[path.length - 1]
  const table = path.length === 3 ? { schema: path[0], name: path[1] } : { name: path[0] }
  return { kind: 'column', table, from, to, origin }
}
