import { compareProject } from '../../pipeline/compare-project'
import { summarizeChanges, summaryLines } from '../../render/change-summary'
import { type StampPlan, stamp, unstamp } from '../../runner/stamp'
import { type LoadedProject, loadProject } from '../../source/load-config'
import { UserError } from '../../source/user-error'
import { announceDatabase } from '../announce-database'
import { type CliOutput, paintsOf } from '../cli-output'
import { ExitCode } from '../exit-codes'
import type { RunnerArgs } from './runner-commands'

/** StampArgs are the arguments of `stamp NAME [--force | --delete]`. */
export interface StampArgs extends RunnerArgs {
  readonly name: string
  /** Record without comparing the database with the entities. */
  readonly force?: boolean
  /** Remove NAME's record instead. */
  readonly delete?: boolean
}

/**
 * stampCommand records the pending migrations up to NAME as applied without running them, once the database
 * matches the entities (exit 1, recording nothing, when it does not); with `--delete` it removes NAME's record.
 */
export async function stampCommand(args: StampArgs, output: CliOutput): Promise<number> {
  const project = await loadProject(args.config)
  announceDatabase(project, output, { creates: true, quiet: args.quiet })
  if (args.delete === true) {
    const removed = await unstamp(project, args.name)
    output.out(`Removed the record of ${removed}: its changes stay in the database, and upgrade runs it again.`)
    return ExitCode.ok
  }
  const result = await stamp(project, args.name, (plan) => args.force === true ? Promise.resolve(true) : matchesEntities(project, plan, output))
  if (result.refused) return ExitCode.changesMissing
  if (result.recorded.length === 0) output.out(`Nothing to stamp: ${result.target} is already applied.`)
  for (const name of result.recorded) output.out(`Stamped ${name} (recorded as applied, not run)`)
  return ExitCode.ok
}

/**
 * matchesEntities says whether the database matches the entities, printing the differences when not. The
 * entities describe the schema of the newest migration only, so an older target cannot be checked.
 */
async function matchesEntities(project: LoadedProject, plan: StampPlan, output: CliOutput): Promise<boolean> {
  if (plan.target !== plan.newest) {
    throw new UserError(`stamp compares the database with the entities, which describe the newest migration (${plan.newest}), not ${plan.target}: stamp ${plan.newest}, or check the schema yourself and pass --force`)
  }
  const comparison = await compareProject(project)
  if (comparison.up.length === 0) return true
  output.out(summaryLines(summarizeChanges(comparison.up), paintsOf(output).out).join('\n'))
  output.err(`The database does not match the entities, so it is not at ${plan.target}: nothing was recorded. The changes above are what it lacks; apply them, or pass --force to record anyway.`)
  return false
}
