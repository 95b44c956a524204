import { hazardLine } from '../../render/hazard-text'
import { runSummary } from '../../render/run-summary'
import { renderReport } from '../../render/report'
import { warningLine } from '../../hazards/warning'
import { type CliOutput, paintsOf, printNote, printSummary, printWarning } from '../cli-output'
import { ExitCode } from '../exit-codes'
import { reportFolderChecks } from './folder-checks'
import { type ComparisonArgs, type PendingComparison, comparePending } from './pending-comparison'
import { folderIntegrityFindings } from '../../pipeline/folder-integrity'
import { migrationsTarget } from '../../source/migrations-dir'
import { type FailOn, hazardPolicyFindings } from '../../pipeline/hazard-policy'

/** CheckArgs are the arguments of `check` (see ComparisonArgs). */
export interface CheckArgs extends ComparisonArgs {
  /** `--fail-on`: hazards of this severity or above in migrations not yet applied, not accepted, fail check (exit 6). */
  readonly failOn?: FailOn
}

/**
 * checkCommand exits 0 when the database matches the entities and 1, printing the changes, when it does
 * not (then it says to run `upgrade` when migrations are pending, else to generate the missing one) or when
 * the entities declare a table twice, differently (DECLARATION_CONFLICT). With format `sql`, stdout holds
 * only the script (nothing when clean). Then it checks the migrations folder (autogen.sum, order: exit 5)
 * and, with `--fail-on`, the hazards of the migrations not yet applied (exit 6).
 */
export async function checkCommand(args: CheckArgs, output: CliOutput): Promise<number> {
  const pending = await comparePending(args, output)
  const changes = reportChanges(args, pending, output)
  const { project, comparison, shown } = pending
  const { applied, unapplied } = comparison.history
  return reportFolderChecks(output, changes, {
    // A folder generate cannot write to (build output, classes listed) never gets an autogen.sum.
    folder: migrationsTarget(project.dataSource, project.settings).refusal === undefined ? folderIntegrityFindings(project.migrationsDir, applied) : [],
    policy: args.failOn === undefined ? [] : hazardPolicyFindings(project.migrationsDir, unapplied, args.failOn, shown.ignore),
  })
}

/** reportChanges prints how the database and the entities differ, and returns exit code 0 or 1. */
function reportChanges(args: CheckArgs, { comparison, plan }: PendingComparison, output: CliOutput): number {
  if (comparison.up.length === 0 && (plan.hazards ?? []).some((h) => h.code === 'DECLARATION_CONFLICT')) {
    if (args.format !== 'json') output.err('The database matches the entities, but the entities declare a table twice, differently: make the declarations agree.')
    output.out(renderReport(plan, args.format, args.direction, paintsOf(output).out))
    return ExitCode.changesMissing
  }
  if (comparison.up.length === 0) {
    if (args.format === 'json') output.out(renderReport(plan, 'json'))
    else {
      const ok = 'OK: the database matches the entities.'
      if (args.format === 'sql') output.err(ok)
      else output.out(paintsOf(output).out('ok', ok))
      for (const warning of plan.warnings) printWarning(output, warningLine(warning))
      for (const note of plan.hazards ?? []) printNote(output, hazardLine(note))
    }
    return ExitCode.ok
  }
  if (args.format !== 'json') output.err(adviceOf(comparison.history.unapplied.length, comparison.contractDue))
  if (args.format === 'sql') for (const warning of plan.warnings) printWarning(output, warningLine(warning))
  output.out(renderReport(plan, args.format, args.direction, paintsOf(output).out))
  if (args.format === 'text' && args.quiet !== true) printSummary(output, runSummary([plan]))
  return ExitCode.changesMissing
}

/** adviceOf tells what to do about the changes: pending migrations may well be them, or a due contract migration. */
function adviceOf(pending: number, contractDue: readonly string[]): string {
  if (pending > 0) {
    const are = pending === 1 ? '1 migration is' : `${pending} migrations are`
    return `${are} pending: run \`typeorm-autogen upgrade\`, then check again. Until then the entities differ from the database.`
  }
  if (contractDue.length > 0) {
    return `The contract of ${contractDue.join(', ')} is due: once the code using the new columns runs everywhere, run \`typeorm-autogen generate <Name> --contract\`.`
  }
  return 'A migration is missing: the entities differ from the database. Run `typeorm-autogen generate <Name>`.'
}
