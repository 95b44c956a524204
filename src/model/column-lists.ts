/** sameColumnList says whether two column lists hold the same columns in the same order (a key's columns, as a foreign key pairs them). */
export function sameColumnList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column, i) => column === b[i])
}

/** sameColumnSet says whether two column lists hold the same columns, in any order. */
export function sameColumnSet(a: readonly string[], b: readonly string[]): boolean {
  return [...a].sort().join('\0') === [...b].sort().join('\0')
}
