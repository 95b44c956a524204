/** sameColumnList says whether two column lists hold the same columns in the same order (a key's columns, as a foreign key pairs them). */
export function sameColumnList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column, i) => column === b[i])
}

/** sameColumnSet says whether two column lists hold the same columns, in any order. */
export function sameColumnSet(a: readonly string[], b: readonly string[]): boolean {
  return [...a].sort().join('\0') === [...b].sort().join('\0')
}

/**
 * uniqueOnKeepsUnique says whether a unique key on `key` keeps rows unique on `columns`: where it holds only
 * columns of them. Two rows alike on every column of `columns` (none NULL, or no key would count them alike)
 * are alike on `key` too, which refuses them.
 */
export function uniqueOnKeepsUnique(key: readonly string[], columns: readonly string[]): boolean {
  return key.length > 0 && key.every((column) => columns.includes(column))
}
