import { type DryRun, dryRunDowngrade, dryRunUpgrade } from '../../runner/dry-run'
import type { DowngradeTarget, UpgradeTarget } from '../../runner/run-plan'
import { loadProject } from '../../source/load-config'
import { announceDatabase } from '../announce-database'
import { type CliOutput, printNote } from '../cli-output'
import { ExitCode } from '../exit-codes'
import { type RunnerArgs, nothingToRevert, warnBeforeDowngrade, warnBeforeUpgrade } from './runner-commands'
import { shownBy } from '../../pipeline/shown-findings'

/** upgradeDryRunCommand (`upgrade --dry-run`) runs what upgrade would in a transaction it rolls back. */
export async function upgradeDryRunCommand(args: RunnerArgs & UpgradeTarget, output: CliOutput): Promise<number> {
  const project = await loadProject(args.config)
  announceDatabase(project, output, { quiet: args.quiet })
  const warn = warnBeforeUpgrade(project, shownBy(project.settings, args.quiet), output)
  printDryRun(await dryRunUpgrade(project, args, args.timeouts, warn), 'apply', 'Up to date: no pending migrations.', output)
  return ExitCode.ok
}

/** downgradeDryRunCommand (`downgrade --dry-run`) reverts what downgrade would in a transaction it rolls back. */
export async function downgradeDryRunCommand(args: RunnerArgs & DowngradeTarget, output: CliOutput): Promise<number> {
  const project = await loadProject(args.config)
  announceDatabase(project, output, { quiet: args.quiet })
  const warn = warnBeforeDowngrade(project, shownBy(project.settings, args.quiet), output)
  printDryRun(await dryRunDowngrade(project, args, args.timeouts, warn), 'revert', nothingToRevert(args), output)
  return ExitCode.ok
}

function printDryRun(run: DryRun, verb: 'apply' | 'revert', nothing: string, output: CliOutput): void {
  if (run.ran.length === 0 && run.skipped.length === 0 && run.untried.length === 0) {
    output.out(nothing)
    return
  }
  for (const name of run.ran) output.out(`Would ${verb} ${name} (it ran, and was rolled back)`)
  const without = run.ran.length === 0 ? '' : '; the migrations after it ran without it'
  for (const name of run.skipped) {
    printNote(output, `${name} was not run: its \`transaction = false\` keeps it out of a transaction, which a dry run could not roll back${without}`)
  }
  const [first, ...rest] = run.untried
  if (first !== undefined) {
    const after = rest.length === 0 ? '' : ` and the ${rest.length === 1 ? 'migration' : `${rest.length} migrations`} after it (${rest.join(', ')})`
    const why = verb === 'apply'
      ? 'first commits the migrations before it (a later part of its change: it uses what an earlier part added, or runs outside a transaction)'
      : 'reverts outside a transaction (its down commits first)'
    printNote(output, `${first}${after} ${rest.length === 0 ? 'was' : 'were'} not run: ${first} ${why}, which a dry run cannot do; \`${verb === 'apply' ? 'upgrade' : 'downgrade'}\` runs ${rest.length === 0 ? 'it' : 'them'}`)
  }
  output.out(run.ran.length === 0
    ? 'Dry run: nothing changed (no migration ran).'
    : `Dry run: nothing changed (${run.ran.length} migration${run.ran.length === 1 ? '' : 's'} ran in one transaction, rolled back).`)
}
