import { runOutOfOrder } from '../../pipeline/migration-order'
import { pendingHazardLines, pendingHazards } from '../../pipeline/pending-hazards'
import { type Shown, shownBy, warningShown } from '../../pipeline/shown-findings'
import { historyOf, unknownAtUpgradeText } from '../../pipeline/unapplied-migrations'
import { unrecordedEdits } from '../../pipeline/unrecorded-edits'
import { upgradeVerification } from '../../pipeline/upgrade-verification'
import { downgradeVerification, schemaBeforeDowngrade } from '../../pipeline/downgrade-verification'
import { warningLine } from '../../hazards/warning'
import { type BeforeDowngrade, downgrade, upgrade } from '../../runner/migration-runner'
import { downHazardLines, downHazardsNow } from '../../pipeline/down-hazards-at-downgrade'
import type { DowngradeTarget, UpgradeTarget } from '../../runner/run-plan'
import { inRunOrder } from '../../runner/migration-target'
import { type RunSafetyArgs, runSafetyReport } from '../run-safety-report'
import { type LoadedProject, loadProject } from '../../source/load-config'
import { announceDatabase } from '../announce-database'
import { type CliOutput, paintsOf, printWarning } from '../cli-output'
import { ExitCode } from '../exit-codes'

export interface RunnerArgs extends RunSafetyArgs {
  readonly config: string
  /** `--quiet`: only the essentials (no Database line, hazards below `warning`). */
  readonly quiet?: boolean
}

/**
 * upgradeCommand applies the pending migrations up to the target (by default all) with TypeORM's runner.
 * First it prints, as warnings, the hazards of those migration files that no reviewer accepted, and whether it
 * runs a migration behind the newest applied one or one edited since autogen.sum recorded it; they do not stop it.
 */
export async function upgradeCommand(args: RunnerArgs & UpgradeTarget, output: CliOutput): Promise<number> {
  const project = await loadProject(args.config)
  const { creation } = announceDatabase(project, output, { quiet: args.quiet })
  const shown = shownBy(project.settings, args.quiet)
  const applied = await upgrade(project, args, (toRun, before, known) => {
    // Said once the run is under way: an upgrade refused before it connects creates no database.
    if (creation !== undefined && args.quiet !== true) output.out(creation)
    warnBeforeUpgrade(project, shown, output)(toRun, before, known)
  }, runSafetyReport(args, output))
  if (applied.length === 0) output.out('Up to date: no pending migrations.')
  if (applied.length > 1 && args.quiet !== true) output.out(paintsOf(output).out('ok', `${applied.length} migrations applied`))
  if (applied.length > 0 && warningShown('SCHEMA_DIFFERS', shown)) {
    const differs = await upgradeVerification(project)
    if (differs) printWarning(output, warningLine(differs))
  }
  return ExitCode.ok
}

/**
 * warnBeforeUpgrade prints, before `upgrade` (or its dry run) runs `toRun`, what to know of them: migrations the
 * database applied that the project lacks, those run behind a newer applied one or edited since autogen.sum
 * recorded them, and the hazards no reviewer accepted. None stops the run.
 */
export function warnBeforeUpgrade(project: LoadedProject, shown: Shown, output: CliOutput): (toRun: readonly string[], applied: readonly string[], known: readonly string[]) => void {
  return (toRun, applied, known) => {
    const { unknown } = historyOf(known, applied)
    if (unknown.length > 0 && warningShown('UNKNOWN_MIGRATIONS', shown)) {
      printWarning(output, warningLine({ code: 'UNKNOWN_MIGRATIONS', message: unknownAtUpgradeText(inRunOrder(unknown), known.length === 0) }))
    }
    const behind = runOutOfOrder(toRun, applied)
    if (behind !== undefined && warningShown(behind.code, shown)) printWarning(output, warningLine(behind))
    for (const edit of unrecordedEdits(project.migrationsDir, project.migrationsInSubfolders, toRun)) {
      if (warningShown(edit.code, shown)) printWarning(output, warningLine(edit))
    }
    for (const line of pendingHazardLines(pendingHazards(project.migrationsDir, project.migrationsInSubfolders, toRun, shown))) output.err(line)
  }
}

/**
 * downgradeCommand reverts applied migrations down to the target (by default the last one). First it prints, as
 * warnings, the hazards of their `down` that rows of the database stand in the way of (see downHazardsNow); they do
 * not stop it.
 */
export async function downgradeCommand(args: RunnerArgs & DowngradeTarget, output: CliOutput): Promise<number> {
  const project = await loadProject(args.config)
  announceDatabase(project, output, { quiet: args.quiet })
  const shown = shownBy(project.settings, args.quiet)
  const before = warningShown('STRANDED_FOREIGN_KEY', shown) ? await schemaBeforeDowngrade(project) : undefined
  const reverted = await downgrade(project, args, runSafetyReport(args, output), warnBeforeDowngrade(project, shown, output))
  if (reverted.length === 0) output.out(nothingToRevert(args))
  if (reverted.length > 1 && args.quiet !== true) output.out(paintsOf(output).out('ok', `${reverted.length} migrations reverted`))
  if (before !== undefined && reverted.length > 0) {
    for (const stranded of await downgradeVerification(project, before)) printWarning(output, warningLine(stranded))
  }
  return ExitCode.ok
}

/**
 * warnBeforeDowngrade prints, before `downgrade` (or its dry run) reverts them, the hazards of the migrations' `down`
 * counted on the database as it is now, and how to avoid them. None stops the run: as at upgrade, they inform.
 */
export function warnBeforeDowngrade(project: LoadedProject, shown: Shown, output: CliOutput): BeforeDowngrade {
  return async (toRevert) => {
    const now = await downHazardsNow(project, toRevert, shown)
    const lines = downHazardLines(now)
    if (lines.length === 0) return
    for (const line of lines) printWarning(output, line)
    if (warningShown('NOT_COUNTED', shown)) for (const message of now.warnings) printWarning(output, warningLine({ code: 'NOT_COUNTED', message }))
    output.err(downHazardsAdvice)
  }
}

/** downHazardsAdvice follows the hazards of a `down` about to run. */
const downHazardsAdvice = 'Counted on this database now: down fails on these rows, or loses their values where the database lets it; ' +
  'fix them first, or restore a backup instead of downgrading.'

/** nothingToRevert is what downgrade (and its dry run) prints when it reverts nothing, and why. */
export function nothingToRevert(target: DowngradeTarget): string {
  return target.to === undefined ? 'Nothing to revert: no migration is applied.' : 'Nothing to revert: it is the last applied migration.'
}
