import { compareProject } from '../../pipeline/compare-project'
import { compareDrift } from '../../pipeline/drift'
import { findingLine } from '../../hazards/check-finding'
import { summarizeChanges, summaryLines } from '../../render/change-summary'
import { type StampPlan, stamp, unstamp } from '../../runner/stamp'
import { type LoadedProject, loadProject } from '../../source/load-config'
import { announceDatabase } from '../announce-database'
import { type CliOutput, paintsOf } from '../cli-output'
import { ExitCode } from '../exit-codes'
import type { RunnerArgs } from './runner-commands'
import { runSafetyReport } from '../run-safety-report'

/** StampArgs are the arguments of `stamp NAME [--force | --delete]`. */
export interface StampArgs extends RunnerArgs {
  readonly name: string
  /** Record without comparing the database with the entities. */
  readonly force?: boolean
  /** Remove NAME's record instead. */
  readonly delete?: boolean
  /** `--shadow-url`: where to make the scratch database that checks an older target. */
  readonly shadowUrl?: string
  /** `--dry-run`: say what would be recorded (or removed), changing nothing. */
  readonly dryRun?: boolean
}

/**
 * stampCommand records the pending migrations up to NAME as applied without running them, once the database
 * has their schema (exit 1, recording nothing, when it does not); for an applied NAME it removes the records of
 * the migrations applied after it, once the database has the schema of those up to NAME; with `--delete` it
 * removes NAME's record.
 * `stamp base` removes every record, once the database has none of the migrations' schema.
 */
export async function stampCommand(args: StampArgs, output: CliOutput): Promise<number> {
  const project = await loadProject(args.config)
  const { creation } = announceDatabase(project, output, { quiet: args.quiet })
  const options = { dryRun: args.dryRun, lockWait: runSafetyReport(args, output).lockWait }
  if (args.delete === true) {
    const { name, inProject } = await unstamp(project, args.name, options)
    const next = inProject ? 'and upgrade runs it again' : 'and no migration of the project holds it, so upgrade cannot run it again (its file is on another branch?)'
    output.out(args.dryRun === true
      ? `Would remove the record of ${name} (dry run: nothing changed).`
      : `Removed the record of ${name}: its changes stay in the database, ${next}.`)
    return ExitCode.ok
  }
  const result = await stamp(project, args.name, (plan) => args.force === true ? Promise.resolve(true) : matchesSchema(project, plan, output, args.shadowUrl), options)
  if (result.refused) return ExitCode.changesMissing
  if (result.created === true && creation !== undefined && args.quiet !== true) output.out(creation)
  const removed = result.removed ?? []
  if (result.recorded.length === 0 && removed.length === 0) {
    output.out(result.target === 'base' ? 'Nothing to stamp: no migration is recorded as applied.' : `Nothing to stamp: ${result.target} is already applied, and no migration after it is.`)
  }
  const dryRun = args.dryRun === true
  for (const name of result.recorded) output.out(dryRun ? `Would stamp ${name} (dry run: nothing recorded)` : `Stamped ${name} (recorded as applied, not run)`)
  // The records of `stamp base`, or of `stamp NAME` back to an applied one, newest first.
  for (const name of removed) output.out(dryRun ? `Would unstamp ${name} (dry run: nothing removed)` : `Unstamped ${name} (record removed, not reverted)`)
  return ExitCode.ok
}

/**
 * matchesSchema says whether the database has the schema of the migrations up to the target, printing the
 * differences when not: for the newest migration, the entities' schema; for an older one, that of a scratch
 * database those migrations build (as `check --drift` does).
 */
async function matchesSchema(project: LoadedProject, plan: StampPlan, output: CliOutput, shadowUrl: string | undefined): Promise<boolean> {
  if (plan.base === true) {
    const drift = await compareDrift(project, shadowUrl, () => [], { upTo: 'base' })
    if (drift.findings.length === 0) return true
    for (const finding of drift.findings) output.out(findingLine(finding))
    output.err('The database is not at base, where no migration has run: it has the schema above, so no record was removed. Drop it first (`downgrade base` reverts the migrations and removes their records), or pass --force to remove the records anyway.')
    return false
  }
  if (plan.target !== plan.newest) {
    const drift = await compareDrift(project, shadowUrl, (applied) => [...applied.filter((name) => !plan.toRemove.includes(name)), ...plan.toRecord], { upTo: plan.target })
    if (drift.findings.length === 0) return true
    for (const finding of drift.findings) output.out(findingLine(finding))
    const unchanged = plan.toRemove.length > 0 ? 'no record was removed' : 'nothing was recorded'
    output.err(`The database does not have the schema the migrations up to ${plan.target} build, so it is not at ${plan.target}: ${unchanged}. Apply or undo the differences above (\`downgrade --to ${plan.target}\` reverts the migrations after it), or pass --force to ${plan.toRemove.length > 0 ? 'remove the records' : 'record'} anyway.`)
    return false
  }
  const comparison = await compareProject(project)
  if (comparison.up.length === 0) return true
  output.out(summaryLines(summarizeChanges(comparison.up), paintsOf(output).out).join('\n'))
  output.err(`The database does not match the entities, so it is not at ${plan.target}: nothing was recorded. The changes above are what it lacks; apply them, or pass --force to record anyway.`)
  return false
}
