import type { IgnoredHint, RenameDecision, RenameHint } from './rename-types'

/**
 * withAlternativesSpent marks stale the ignored table and column hints that name another old name of a table or
 * column renamed by a hint of its own, or that a spent hint names: `@RenamedFrom('note', 'memo')`, or decorators
 * stacked for a second rename, where the first old name the database has wins and the others are history, not
 * hints that failed.
 */
export function withAlternativesSpent(ignored: readonly IgnoredHint[], renames: readonly RenameDecision[]): IgnoredHint[] {
  const tableNow = (name: string) => renames.find((r) => r.kind === 'table' && r.from === name)?.to ?? name
  const sameTarget = (a: RenameDecision, b: RenameDecision) =>
    a.kind === b.kind && a.to === b.to && (a.kind === 'table' ? a.toSchema === b.toSchema : tableNow(a.table.name) === tableNow(b.table.name))
  const settled = (hint: RenameHint) =>
    renames.some((decision) => sameTarget(decision, hint)) ||
    ignored.some((other) => other.stale && other.hint.kind !== 'label' && sameTarget(other.hint, hint))
  return ignored.map((entry) => entry.stale || entry.hint.kind === 'label' || !settled(entry.hint) ? entry : { ...entry, stale: true })
}
