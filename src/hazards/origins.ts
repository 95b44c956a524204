import { namedIn, qualifiedKey, sameName } from '../model/qualified-name'
import type { ColumnModel, QualifiedName, TableModel, ViewModel } from '../model/schema-model'
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
  /**
   * materializedView is the materialized view named `name` before the migration, with no table of that name: what
   * an index operation on it acts on (a view is never renamed, and one dropped and created again takes its indexes along).
   */
  materializedView(name: QualifiedName): ViewModel | undefined
}

/** originsOf traces the names of a change set back to the tables it starts from (see ChangeSet's table changes). */
export function originsOf(changes: ChangeSet): Origins {
  const { ops } = changes
  const changeAt = tableChangesByName(changes)
  // A table no operation touches is as it is before the migration.
  const touched = namedIn(changes.tables.map((change) => change.firstName))
  const tableBefore = namedIn(changes.schemaAt(0).tables)
  const untouched = (name: QualifiedName): TableModel | undefined => (touched(name) !== undefined ? undefined : tableBefore(name))
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
    materializedView(name) {
      const before = changes.schemaAt(0)
      if (before.tables.some((t) => sameName(t, name))) return undefined
      return before.views.find((v) => v.materialized === true && sameName(v, name))
    },
    droppedLater(index) {
      const droppedAt = changes.tableAt[index]?.droppedAt
      return droppedAt !== undefined && droppedAt > index
    },
  }
}

/** A name a table change holds from operation `from` to operation `to` (inclusive) of the migration. */
interface NameSpan {
  readonly change: TableChange
  readonly from: number
  readonly to: number
}

/**
 * tableChangesByName finds the table change holding the table named `table` just before operation `index`:
 * one that exists then (not created later, not dropped earlier) under that name, the first in the change
 * set's order. Each change's names are indexed once, so that a rule asking for every operation stays linear.
 */
function tableChangesByName(changes: ChangeSet): (index: number, table: QualifiedName) => TableChange | undefined {
  const spans = new Map<string, NameSpan[]>()
  const add = (name: QualifiedName, span: NameSpan) => {
    const key = qualifiedKey(name)
    const known = spans.get(key)
    if (known === undefined) spans.set(key, [span])
    else known.push(span)
  }
  for (const change of changes.tables) {
    const first = change.opIndexes[0]!
    const last = change.opIndexes[change.opIndexes.length - 1]!
    let name = change.firstName
    let from = change.createdAt !== undefined ? first : -Infinity
    const until = change.droppedAt !== undefined ? last : Infinity
    // A rename at operation i gives the new name to the operations after i.
    for (const i of change.opIndexes) {
      const op = changes.ops[i]!
      if (op.kind !== 'rename_table') continue
      if (from <= i) add(name, { change, from, to: i })
      name = op.to
      from = i + 1
    }
    if (from <= until) add(name, { change, from, to: until })
  }
  // Each key's spans are in the change set's order: the first that holds `index` is the one.
  return (index, table) => spans.get(qualifiedKey(table))?.find((span) => span.from <= index && index <= span.to)?.change
}
