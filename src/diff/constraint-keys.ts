import type { CheckModel, ForeignKeyModel, IndexModel, UniqueModel } from '../model/schema-model'

// Constraints are matched by what they do, not by their names: two databases built from the same
// entities by different tools name them differently, and a name alone is never worth a table rebuild.

/**
 * indexKey identifies an index by its whole definition: keys in order with their operator classes,
 * collations and sort orders, uniqueness, predicate, access method and INCLUDE columns. A changed
 * definition is a drop and a create; a changed name alone is a rename.
 */
export function indexKey(i: IndexModel): string {
  return JSON.stringify([i.columns, i.keys ?? null, i.unique, i.where ?? null, i.method ?? null, i.include ?? null])
}

/** uniqueKey identifies a unique constraint by its columns. */
export function uniqueKey(u: UniqueModel): string {
  return JSON.stringify([u.columns, u.deferrable ?? null])
}

/** foreignKeyKey identifies a foreign key by its full definition. */
export function foreignKeyKey(f: ForeignKeyModel): string {
  return JSON.stringify([
    f.columns,
    f.referencedSchema ?? null,
    f.referencedTable,
    f.referencedColumns,
    f.onDelete,
    f.onUpdate,
    f.deferrable ?? null,
  ])
}

/** checkKey identifies a check constraint by its canonical expression. */
export function checkKey(c: CheckModel): string {
  return c.expression
}
