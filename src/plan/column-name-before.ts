import type { ChangeSet } from './change-set'

/** columnNameBefore follows `name`, a column of the table of operation `index`, back through the renames before it to its name before the migration. */
export function columnNameBefore(changes: ChangeSet, index: number, name: string): string {
  let current = name
  for (let i = index - 1; i >= 0; i--) {
    const op = changes.ops[i]!
    if (op.kind === 'rename_column' && changes.tableAt[i] === changes.tableAt[index] && op.to === current) current = op.from
  }
  return current
}
