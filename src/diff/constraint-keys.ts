import type { CheckModel, ExclusionModel, ForeignKeyModel, IndexModel, UniqueModel } from '../model/schema-model'

// Constraints are matched by what they do, not by their names: two databases built from the same
// entities by different tools name them differently, and a name alone is never worth a table rebuild.

/**
 * indexKey identifies an index by its whole definition: keys in order with their operator classes,
 * collations and sort orders, uniqueness, predicate, access method and INCLUDE columns. A changed
 * definition is a drop and a create; a changed name alone is a rename.
 */
export function indexKey(i: IndexModel): string {
  return JSON.stringify([i.columns, i.keyOptions ?? null, i.unique, i.where ?? null, i.method ?? null, i.include ?? null])
}

/** uniqueKey identifies a unique constraint by its columns. */
export function uniqueKey(u: UniqueModel): string {
  return JSON.stringify([u.columns, u.deferrable ?? null])
}

/**
 * foreignKeyKey identifies a foreign key by its full definition. Its column pairs are a set: the same pairs in
 * another order are the same key (TypeORM 1.x orders them as the referenced entity declares its columns, older
 * versions and hand-written DDL as the join columns are listed).
 */
export function foreignKeyKey(f: ForeignKeyModel): string {
  const pairs = f.columns.map((column, k) => [column, f.referencedColumns[k]]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify([
    pairs,
    f.referencedSchema ?? null,
    f.referencedTable,
    f.onDelete,
    f.onUpdate,
    f.deferrable ?? null,
  ])
}

/** checkKey identifies a check constraint by its canonical expression. */
export function checkKey(c: CheckModel): string {
  return c.expression
}

/** exclusionKey identifies an exclusion constraint by its canonical definition. */
export function exclusionKey(x: ExclusionModel): string {
  return x.definition
}
