import type { RenameHint } from '../diff/rename-types'
import { UserError } from '../source/user-error'

/**
 * parseRenameFlags reads repeated `--rename` values: `table.old=new` renames a column of `table` (its old or
 * new name), `schema.table.old=new` one of a table in `schema`, and `old_table=new_table` a table.
 */
export function parseRenameFlags(values: readonly string[] | undefined): RenameHint[] {
  return (values ?? []).map(parseRenameFlag)
}

function parseRenameFlag(value: string): RenameHint {
  const origin = `--rename ${value}`
  const match = /^([^=]+)=([^=.]+)$/.exec(value.trim())
  const path = match?.[1].split('.') ?? []
  if (match === null || path.length > 3 || path.some((part) => part === '')) {
    throw new UserError(`${origin} is not table.old_column=new_column (a column) nor old_table=new_table (a table)`)
  }
  const to = match[2]
  if (path.length === 1) return { kind: 'table', table: { name: path[0] }, from: path[0], to, origin }
  const from = path[path.length - 1]
  const table = path.length === 3 ? { schema: path[0], name: path[1] } : { name: path[0] }
  return { kind: 'column', table, from, to, origin }
}
