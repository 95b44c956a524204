import { nameOf } from '../model/qualified-name'
import type { TableModel } from '../model/schema-model'
import type { RenameDecision } from './rename-types'

/**
 * caseOnlyRenames: where column names ignore case (MySQL, SQLite), a column the entities drop and one they add
 * whose names differ only in case cannot both be in the table: it is the same column, renamed (`magnetURI` to
 * `magnetUri`), and needs no one to say so. As a drop and an add it was lost: MariaDB skips `ADD COLUMN IF NOT
 * EXISTS magnetUri` (the table has it, by another case), then drops `magnetURI`, values and all.
 */
export function caseOnlyRenames(current: TableModel, wanted: TableModel): RenameDecision[] {
  const has = (table: TableModel, name: string) => table.columns.some((c) => c.name === name)
  const table = nameOf(wanted)
  return wanted.columns.filter((c) => !has(current, c.name)).flatMap((added): RenameDecision[] => {
    const dropped = current.columns.find((c) => c.name.toLowerCase() === added.name.toLowerCase() && !has(wanted, c.name))
    return dropped === undefined ? [] : [{ kind: 'column', table, from: dropped.name, to: added.name }]
  })
}
