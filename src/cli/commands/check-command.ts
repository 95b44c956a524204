import type { CheckFinding } from '../../hazards/check-finding'
import { hazardLine } from '../../render/hazard-text'
import { runSummary } from '../../render/run-summary'
import { renderReport } from '../../render/report'
import { warningLine } from '../../hazards/warning'
import { folderIntegrityFindings } from '../../pipeline/folder-integrity'
import { type FailOn, hazardPolicyFindings } from '../../pipeline/hazard-policy'
import { migrationsTarget } from '../../source/migrations-dir'
import { type MigrationHistory, listedMigrations } from '../../pipeline/unapplied-migrations'
import { type CliOutput, paintsOf, printNote, printSummary, printWarning } from '../cli-output'
import { ExitCode } from '../exit-codes'
import { type FolderChecks, reportFolderChecks } from './folder-checks'
import { type ComparisonArgs, type PendingComparison, comparePending } from './pending-comparison'
import { reportContextOf } from './report-context-of'

/** CheckArgs are the arguments of `check` (see ComparisonArgs). */
export interface CheckArgs extends ComparisonArgs {
  /** `--fail-on`: hazards of this severity or above in migrations not yet applied, not accepted, fail check (exit 6). */
  readonly failOn?: FailOn
}

/**
 * checkCommand exits 0 when the database matches the entities and 1, printing the changes, when it does
 * not (then it says to run `upgrade` when migrations are pending, else to generate the missing one) or when
 * the entities declare a table or an enum type twice, differently (DECLARATION_CONFLICT). With format `sql`, stdout holds
 * only the script (nothing when clean); the `json`, `markdown` and `github` reports are printed in sync too.
 * It also checks the migrations folder (autogen.sum, order: exit 5) and, with `--fail-on`, the hazards of
 * the migrations not yet applied (exit 6).
 */
export async function checkCommand(args: CheckArgs, output: CliOutput): Promise<number> {
  const pending = await comparePending(args, output)
  const { applied, unapplied } = pending.comparison.history
  return reportPending(args, pending, output, folderChecksOf(args, pending, applied, unapplied))
}

/**
 * folderChecksOf checks the migrations folder (autogen.sum and order, knowing which migrations are
 * `applied`) and, with `--fail-on`, the hazards of those `notYetApplied`.
 */
export function folderChecksOf(args: CheckArgs, { project, shown }: PendingComparison, applied: readonly string[], notYetApplied: readonly string[]): FolderChecks {
  return {
    // A folder generate cannot write to (build output, classes listed) never gets an autogen.sum.
    folder: migrationsTarget(project.dataSource, project.settings, process.cwd(), project.configPath).refusal === undefined ? folderIntegrityFindings(project.migrationsDir, project.migrationsInSubfolders, applied) : [],
    policy: args.failOn === undefined ? [] : hazardPolicyFindings(project.migrationsDir, project.migrationsInSubfolders, notYetApplied, args.failOn, shown.ignore),
  }
}

/** CheckTexts replace what `check` says when the database matches (`ok`) and what to do when it does not (`advice`). */
export interface CheckTexts {
  readonly ok?: string
  readonly advice?: string
}

/**
 * reportPending prints a pending comparison as `check` does, with the findings of `checks` (in the report
 * formats, and one line each on stderr), and returns check's exit code.
 */
export function reportPending(args: CheckArgs, pending: PendingComparison, output: CliOutput, checks: FolderChecks, texts: CheckTexts = {}): number {
  const changes = reportChanges(args, pending, output, [...checks.folder, ...checks.policy], texts)
  return reportFolderChecks(output, changes, checks)
}

/** reportChanges prints how the database and the entities differ, and returns exit code 0 or 1. */
function reportChanges(args: CheckArgs, pending: PendingComparison, output: CliOutput, problems: readonly CheckFinding[], texts: CheckTexts): number {
  const { comparison, plan } = pending
  const report = (verdict: string, verdictTitle?: string) => renderReport(plan, args.format, args.direction, paintsOf(output).out, {
    ...reportContextOf(args.format, pending, verdict), ...(verdictTitle !== undefined && { verdictTitle }), ...(problems.length > 0 && { problems }),
  })
  if (comparison.up.length === 0 && (plan.hazards ?? []).some((h) => h.code === 'DECLARATION_CONFLICT')) {
    const verdict = 'The database matches the entities, but the entities declare a table or an enum type twice, differently: make the declarations agree.'
    if (args.format !== 'json') output.err(verdict)
    output.out(report(verdict))
    return ExitCode.changesMissing
  }
  if (comparison.up.length === 0) {
    // Findings about the migrations fail the check (exit 5): no "OK" above them.
    const matches = texts.ok ?? 'OK: the database matches the entities.'
    const ok = problems.length === 0 ? matches : `${matches.replace(/^OK: (.)/, (_, c: string) => c.toUpperCase()).replace(/\.$/, '')}, but the checks below fail.`
    if (args.format === 'json' || args.format === 'markdown' || args.format === 'github') output.out(report(ok))
    else {
      if (args.format === 'sql') output.err(ok)
      else output.out(paintsOf(output).out('ok', ok))
      for (const warning of plan.warnings) printWarning(output, warningLine(warning))
      for (const note of plan.hazards ?? []) printNote(output, hazardLine(note))
    }
    return ExitCode.ok
  }
  const { advice, title } = texts.advice === undefined ? adviceOf(comparison.history, comparison.contractDue) : { advice: texts.advice }
  if (args.format !== 'json') output.err(advice)
  if (args.format === 'sql') for (const warning of plan.warnings) printWarning(output, warningLine(warning))
  output.out(report(advice, title))
  if (args.format === 'text' && args.quiet !== true) printSummary(output, runSummary([plan]))
  return ExitCode.changesMissing
}

/**
 * adviceOf tells what to do about the changes: migrations applied from another branch or pending ones may well
 * be them, or a due contract migration; `title` names it, for an annotation's title.
 */
function adviceOf(history: MigrationHistory, contractDue: readonly string[]): { readonly advice: string; readonly title?: string } {
  const { unknown, unapplied: { length: pending } } = history
  if (unknown.length > 0) {
    const are = unknown.length === 1 ? '1 migration is' : `${unknown.length} migrations are`
    const it = unknown.length === 1 ? 'it' : 'them'
    return {
      advice: `${are} applied to the database but not in this project (${listedMigrations(unknown)}): switch branch or pull to get ${it}, then check again. Until then the entities differ from the database.`,
      title: 'Migrations not in this project',
    }
  }
  if (pending > 0) {
    const are = pending === 1 ? '1 migration is' : `${pending} migrations are`
    return { advice: `${are} pending: run \`typeorm-autogen upgrade\`, then check again. Until then the entities differ from the database.`, title: 'Migrations pending' }
  }
  if (contractDue.length > 0) return { advice: contractDueAdvice(contractDue), title: 'Contract migration due' }
  return { advice: 'A migration is missing: the entities differ from the database. Run `typeorm-autogen generate <Name>`.', title: 'Migration missing' }
}

/** contractDueAdvice says to generate the contract of the applied expand migrations `contractDue`: a plain generate refuses. */
export function contractDueAdvice(contractDue: readonly string[]): string {
  return `The contract of ${contractDue.join(', ')} is due: once the code using the new columns runs everywhere, run \`typeorm-autogen generate <Name> --contract\`.`
}
