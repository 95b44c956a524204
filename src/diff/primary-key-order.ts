import type { PrimaryKeyModel, SchemaModel } from '../model/schema-model'
import { qualifiedKey } from '../model/qualified-name'

/** samePrimaryKeyColumns says whether two primary keys hold the same columns, in any order. */
export function samePrimaryKeyColumns(a: PrimaryKeyModel, b: PrimaryKeyModel): boolean {
  return a.columns.length === b.columns.length && a.columns.every((c) => b.columns.includes(c))
}

/**
 * primaryKeyOrderWarnings names each table whose primary key the entities declare with the same columns in
 * another order: the diff leaves such a key as it is (rebuilding a key rewrites its index under lock and
 * every foreign key pointing at it), and says so here.
 */
export function primaryKeyOrderWarnings(actual: SchemaModel, desired: SchemaModel): string[] {
  const before = new Map(actual.tables.map((t) => [qualifiedKey(t), t.primaryKey]))
  return desired.tables.flatMap((table) => {
    const from = before.get(qualifiedKey(table))
    const to = table.primaryKey
    if (from === undefined || to === undefined || !samePrimaryKeyColumns(from, to) || from.columns.join('\0') === to.columns.join('\0')) return []
    return [
      `the primary key of table "${table.name}" is (${from.columns.join(', ')}) in the database and (${to.columns.join(', ')}) in the entities: ` +
        'it is left as it is; to reorder it, write that migration by hand',
    ]
  })
}
