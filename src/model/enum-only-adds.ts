/**
 * onlyAddsLabels says whether an enum type's change only adds labels, those it keeps in their order: a database
 * with enum types adds them in place (ADD VALUE); any other change makes the type again and moves its columns.
 */
export function onlyAddsLabels(from: readonly string[], to: readonly string[]): boolean {
  const kept = to.filter((v) => from.includes(v))
  return kept.length === from.length && kept.every((v, i) => v === from[i])
}
