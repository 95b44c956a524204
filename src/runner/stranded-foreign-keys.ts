import { qualifiedKey } from '../model/qualified-name'
import type { SchemaModel } from '../model/schema-model'

/** StrandedForeignKey is a foreign key that a change moved onto a table that does not exist. */
export interface StrandedForeignKey {
  readonly table: string
  readonly foreignKey: string
  readonly referencedTable: string
}

/**
 * strandedForeignKeys are the foreign keys of `after` that reference a table it lacks where in `before` the same
 * key of the same table referenced another one: where the database allows such keys (SQLite renames the keys that
 * reference a table it renames), every write to their table then fails with `no such table`. A key that named a
 * missing table before too (one created ahead of the table it references) is no change, and not one of them.
 */
export function strandedForeignKeys(before: SchemaModel, after: SchemaModel): StrandedForeignKey[] {
  const referencedBefore = new Map(before.tables.flatMap((table) => table.foreignKeys
    .map((fk) => [keyOf(qualifiedKey(table), fk.name), referencedKey(fk)] as const)))
  const tables = new Set(after.tables.map((t) => qualifiedKey(t)))
  return after.tables.flatMap((table) => table.foreignKeys
    .map((fk) => ({ table: qualifiedKey(table), foreignKey: fk.name, referencedTable: referencedKey(fk) }))
    .filter((fk) => !tables.has(fk.referencedTable))
    .filter((fk) => {
      const was = referencedBefore.get(keyOf(fk.table, fk.foreignKey))
      return was !== undefined && was !== fk.referencedTable
    }))
}

function referencedKey(fk: { readonly referencedSchema?: string, readonly referencedTable: string }): string {
  return qualifiedKey({ schema: fk.referencedSchema, name: fk.referencedTable })
}

function keyOf(table: string, foreignKey: string): string {
  return `${table}\0${foreignKey}`
}

/** strandedKeyText says what a stranded foreign key breaks: `foreign key "..." of table "..." references ...`. */
export function strandedKeyText(fk: StrandedForeignKey): string {
  return `foreign key "${fk.foreignKey}" of table "${fk.table}" references table "${fk.referencedTable}", which does not exist, so every write to "${fk.table}" fails`
}
