import type { RenameHint } from '../diff/rename-types'
import { splitRenameFlag } from '../diff/rename-flag-text'
import { UserError } from '../source/user-error'

/**
 * parseRenameFlags reads repeated `--rename` values: `table.old=new` renames a column of `table` (its old or
 * new name), `schema.table.old=new` one of a table in `schema`, `old_table=new_table` a table, and
 * `schema.table=other_schema.new_table` a table moved to another schema (renamed too, if the names differ). A name
 * holding `.` or `=` is written in double quotes: `guilds."roles.muted"="roles.timeout"`.
 */
export function parseRenameFlags(values: readonly string[] | undefined): RenameHint[] {
  return (values ?? []).map(parseRenameFlag)
}

function parseRenameFlag(value: string): RenameHint {
  const origin = `--rename ${value}`
  const split = splitRenameFlag(value.trim())
  const path = split?.path ?? []
  const move = split?.toSchema !== undefined
  if (split === undefined || split.to === '' || split.toSchema === '' || path.length > 3 || path.some((part) => part === '') || (move && path.length !== 2)) {
    throw new UserError(`${origin} is not table.old_column=new_column (a column), old_table=new_table (a table) nor schema.table=new_schema.new_table (a table moved to another schema); write a name holding . or = in double quotes`)
  }
  const { to, toSchema } = split
  if (toSchema !== undefined) return { kind: 'table', table: { schema: path[0], name: path[1] }, from: path[1]!, to, toSchema, move: true, origin }
  if (path.length === 1) return { kind: 'table', table: { name: path[0] }, from: path[0], to, origin }
  const from = path[path.length - 1]
  const table = path.length === 3 ? { schema: path[0], name: path[1] } : { name: path[0] }
  return { kind: 'column', table, from, to, origin }
}
