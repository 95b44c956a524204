import { type Severity, severities } from '../hazards/hazard'
import type { MigrationPlan } from '../plan/migration-plan'
import type { AutogenSettings } from '../source/autogen-settings'

/** Shown says which hazards, notes and warnings are shown: from `autogen.minSeverity` and `autogen.ignore`, and `--quiet`. */
export interface Shown {
  readonly minSeverity: Severity
  readonly ignore: ReadonlySet<string>
  /** Warnings are shown (not under `--quiet`). */
  readonly warnings: boolean
}

/**
 * shownBy reads what the settings show; `quiet` (`--quiet`) keeps only the essentials: no notes (at least
 * `warning`) and no warnings.
 */
export function shownBy(settings: Pick<AutogenSettings, 'minSeverity' | 'ignore'>, quiet = false): Shown {
  const min = settings.minSeverity ?? 'info'
  return {
    minSeverity: quiet && rank(min) < rank('warning') ? 'warning' : min,
    ignore: new Set(settings.ignore ?? []),
    warnings: !quiet,
  }
}

/** isShown says whether a hazard or note (as found, or as read back from a file) is shown. */
export function isShown(finding: { readonly code: string; readonly severity: Severity }, shown: Shown): boolean {
  return rank(finding.severity) >= rank(shown.minSeverity) && !shown.ignore.has(finding.code)
}

/** warningShown says whether a warning of this code is shown (not under `--quiet`, not in `autogen.ignore`). */
export function warningShown(code: string, shown: Shown): boolean {
  return shown.warnings && !shown.ignore.has(code)
}

/** shownPlan is the plan with only the hazards, notes and warnings shown. */
export function shownPlan(plan: MigrationPlan, shown: Shown): MigrationPlan {
  return {
    ...plan,
    warnings: plan.warnings.filter((w) => warningShown(w.code, shown)),
    ...(plan.hazards !== undefined && { hazards: plan.hazards.filter((h) => isShown(h, shown)) }),
    ...(plan.downHazards !== undefined && { downHazards: plan.downHazards.filter((h) => isShown(h, shown)) }),
  }
}

function rank(severity: Severity): number {
  return severities.indexOf(severity)
}
