import { relative } from 'node:path'
import { withoutMeasurement } from '../hazards/measurement-text'
import type { CheckFinding } from '../hazards/check-finding'
import { pendingHazards } from './pending-hazards'

/** FailOn is `check --fail-on`: the least severity of a hazard that fails check. */
export type FailOn = 'warning' | 'danger'
export const failOnChoices: readonly FailOn[] = ['warning', 'danger']

/** acceptHint says how a reviewer lets a hazard through `--fail-on`. */
export const acceptHint = 'Review each; accept one by changing "// hazard" to "// accepted" on its line in the migration file.'

/**
 * hazardPolicyFindings are the hazards of `failOn` severity or above, in the migration files of
 * `migrationsDir` (and its `subfolders`) named in `notYetApplied`, that no reviewer accepted and the settings do not `ignore`
 * (exit code 6). Their counts are left out: they were made on the database the file was generated against.
 */
export function hazardPolicyFindings(
  migrationsDir: string,
  subfolders: boolean,
  notYetApplied: readonly string[],
  failOn: FailOn,
  ignore: ReadonlySet<string> = new Set(),
  cwd = process.cwd(),
): CheckFinding[] {
  const shown = { minSeverity: failOn, ignore, warnings: true }
  return pendingHazards(migrationsDir, subfolders, notYetApplied, shown).flatMap(({ file, hazards }) => hazards.map((h): CheckFinding => ({
    code: h.code,
    severity: h.severity,
    message: withoutMeasurement(h.message) ?? h.message,
    file: relative(cwd, file),
    line: h.line,
  })))
}
