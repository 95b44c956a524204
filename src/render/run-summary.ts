import { plural } from '../hazards/hazard-names'
import { summarizeChanges, type SummaryEntry } from './change-summary'
import type { MigrationPlan } from '../plan/migration-plan'
import type { Operation } from '../operations/operation'
import type { Style } from './paint'

/** RunSummary is the one line a long run ends with, and how it is styled: by the worst it counts. */
export interface RunSummary {
  readonly line: string
  readonly style: Style
}

const objects: readonly [SummaryEntry['object'], string, string][] = [
  ['table', 'table', 'tables'], ['view', 'view', 'views'], ['enum', 'enum', 'enums'], ['schema', 'schema', 'schemas'], ['extension', 'extension', 'extensions'],
]

/**
 * runSummary counts what plans change and what to watch: `2 tables, 1 view and 1 enum changed, 1 danger, 1 warning,
 * 2 notes`. An object counts once, by the name it ends with, however many of its changes and plans there are. Dangers and notes are hazards of those severities; warnings are the hazards of severity `warning`
 * and the plans' warnings.
 */
export function runSummary(plans: readonly MigrationPlan[]): RunSummary {
  const changed = changedObjectsOf(plans.flatMap((plan) => summarizeChanges(plan.up)))
  const hazards = plans.flatMap((plan) => plan.hazards ?? [])
  const dangers = hazards.filter((h) => h.severity === 'danger').length
  const warnings = hazards.filter((h) => h.severity === 'warning').length + plans.reduce((n, plan) => n + plan.warnings.length, 0)
  const notes = hazards.filter((h) => h.severity === 'info').length
  const parts = [
    changed,
    ...(dangers > 0 ? [plural(dangers, 'danger', 'dangers')] : []),
    ...(warnings > 0 ? [plural(warnings, 'warning')] : []),
    ...(notes > 0 ? [plural(notes, 'note')] : []),
  ]
  return { line: parts.join(', '), style: dangers > 0 ? 'danger' : warnings > 0 ? 'warning' : 'ok' }
}

/** changedObjects counts the objects operations change, each once by the name it ends with: `2 tables and 1 enum changed`. */
export function changedObjects(ops: readonly Operation[]): string {
  return changedObjectsOf(summarizeChanges(ops))
}

function changedObjectsOf(entries: readonly SummaryEntry[]): string {
  const changed = objects
    .map(([object, one, many]) => plural(new Set(entries.filter((e) => e.object === object).map((e) => e.name)).size, one, many))
    .filter((text) => !text.startsWith('0 '))
  return changed.length === 0 ? 'no changes' : `${joined(changed)} changed`
}

function joined(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
