import { qualifiedKey, sameName } from '../model/qualified-name'
import type { ColumnModel, QualifiedName, TableModel } from '../model/schema-model'
import type { ChangeSet, TableChange } from '../plan/change-set'

/**
 * Origins traces a table or column named by an operation back to the database as it is before the
 * migration: operations after a rename use the new name, but the data lives under the old one. Undefined
 * means the migration itself creates it (there is no data to speak of) or it does not exist.
 */
export interface Origins {
  /** table is the `before` table that the table named `table` at operation `index` is. */
  table(index: number, table: QualifiedName): TableModel | undefined
  /** column is the `before` column that `table`.`column` at operation `index` is. */
  column(index: number, table: QualifiedName, column: string): { readonly table: TableModel; readonly column: ColumnModel } | undefined
  /** droppedLater says whether an operation after `index` drops the table operation `index` acts on. */
  droppedLater(index: number): boolean
}

/** originsOf traces the names of a change set back to the tables it starts from (see ChangeSet's table changes). */
export function originsOf(changes: ChangeSet): Origins {
  const { ops } = changes
  /** The table change holding the table named `table` just before operation `index`. */
  const changeAt = (index: number, table: QualifiedName): TableChange | undefined => {
    const key = qualifiedKey(table)
    return changes.tables.find((change) => {
      const first = change.opIndexes[0]!
      const last = change.opIndexes[change.opIndexes.length - 1]!
      if (index < first ? change.createdAt !== undefined : index > last && change.droppedAt !== undefined) return false
      return qualifiedKey(nameAt(change, index)) === key
    })
  }
  const nameAt = (change: TableChange, index: number): QualifiedName => {
    let name = change.firstName
    for (const i of change.opIndexes) {
      const op = ops[i]!
      if (i < index && op.kind === 'rename_table') name = op.to
    }
    return name
  }
  // A table no operation touches is as it is before the migration.
  const untouched = (name: QualifiedName): TableModel | undefined =>
    changes.tables.some((change) => sameName(change.firstName, name)) ? undefined : changes.schemaAt(0).tables.find((t) => sameName(t, name))
  const table = (index: number, name: QualifiedName): TableModel | undefined => {
    const change = changeAt(index, name)
    return change === undefined ? untouched(name) : change.from
  }
  return {
    table,
    column(index, name, column) {
      const change = changeAt(index, name)
      const from = table(index, name)
      if (from === undefined) return undefined
      let original: string | undefined = column
      for (const i of [...(change?.opIndexes ?? [])].reverse()) {
        if (i >= index || original === undefined) continue
        const op = ops[i]!
        if (op.kind === 'rename_column' && op.to === original) original = op.from
        else if (op.kind === 'add_column' && op.column.name === original) original = undefined
      }
      const found = original === undefined ? undefined : from.columns.find((c) => c.name === original)
      return found && { table: from, column: found }
    },
    droppedLater(index) {
      const droppedAt = changes.tableAt[index]?.droppedAt
      return droppedAt !== undefined && droppedAt > index
    },
  }
}
