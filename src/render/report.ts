import { isNote } from '../hazards/hazard'
import { inStatementOrder, summarizeChanges, summaryLines } from './change-summary'
import { renderGithubReport } from './github-report'
import { downHazardComment, hazardComment, hazardLine, operationFinder } from './hazard-text'
import { renderMarkdownReport } from './markdown-report'
import { warningLine } from '../hazards/warning'
import type { MigrationPlan } from '../plan/migration-plan'
import { type Paint, plain, type Style } from './paint'
import type { ReportContext } from './report-context'
import { downPointerComment, pointerComment, sqlLines } from './sql-lines'
import { bullets } from './text-lines'
import { stableData } from './stable-json'

/**
 * ReportFormat is how a plan is shown without writing a file: `text` (summary, warnings, hazards, up SQL),
 * `summary` (summary, warnings and hazards only), `sql` (the statements of one direction, a script to run),
 * `json` (all of it as data, see docs/report.schema.json), `markdown` (a pull-request comment) or `github`
 * (GitHub Actions workflow commands).
 */
export type ReportFormat = 'text' | 'summary' | 'sql' | 'json' | 'markdown' | 'github'

/**
 * ReportDirection is which statements the `text` and `sql` formats print: those of `up` (with their hazards),
 * of `down`, or (`text` only) both. `json` and `markdown` always hold both; `github` prints no SQL.
 */
export type ReportDirection = 'up' | 'down' | 'both'

/**
 * renderReport shows a plan for review; it ends with a newline and is byte-identical for equal plans. The
 * `text` format prints the SQL of `direction` (default `up`; `both` is up, then down). The `sql` format prints
 * one direction only (`both` reads as `up`), so that running its output makes one change, and nothing at all
 * for a plan without statements. `paint` colours the `text` and `summary` formats for a terminal; the others
 * are never coloured. `context` is what `json`, `markdown` and `github` show beyond the plan.
 */
export function renderReport(
  plan: MigrationPlan, format: ReportFormat, direction: ReportDirection = 'up', paint: Paint = plain, context: ReportContext = {},
): string {
  const up = () => sqlLines(plan.upStatements, plan.hazards, pointerComment)
  const down = () => sqlLines(plan.downStatements, plan.downHazards, downPointerComment)
  switch (format) {
    case 'text': return lines([
      ...summaryText(plan, paint),
      ...(direction === 'down' ? [] : ['', paint('heading', 'Up SQL:'), ...up()]),
      ...(direction === 'up' ? [] : ['', paint('heading', 'Down SQL:'), ...(plan.downStatements.length === 0 ? ['(none)'] : down())]),
    ])
    case 'summary': return lines(summaryText(plan, paint))
    case 'sql': return script(direction === 'down'
      ? sqlLines(plan.downStatements, plan.downHazards, downHazardComment, context.script)
      : sqlLines(plan.upStatements, plan.hazards, hazardComment, context.script))
    case 'json': return `${JSON.stringify(jsonReport(plan, context), null, 2)}\n`
    case 'markdown': return renderMarkdownReport(plan, context)
    case 'github': return renderGithubReport(plan, context)
  }
}

/** jsonVersion is the version of the `json` document (docs/report.schema.json): additions keep it, removals or changes of meaning bump it. */
export const jsonVersion = 1

/**
 * jsonReport is the `json` document, with its keys in a fixed order. `hazards` (present whenever the plan
 * was checked for them, as every comparison is) names each hazard's operation by its index in `operations`
 * and carries its `measurement` when the data was counted; `problems` are the context's findings.
 */
function jsonReport(plan: MigrationPlan, context: ReportContext): unknown {
  const operationIndex = operationFinder(plan.up)
  return {
    version: jsonVersion,
    name: plan.name,
    summary: summarizeChanges(plan.up).map((e) => ({
      object: e.object, name: e.name, change: e.change, headline: e.headline, details: e.details,
    })),
    operations: plan.up.map(stableData),
    up: plan.upStatements.map((s) => s.sql),
    down: plan.downStatements.map((s) => s.sql),
    warnings: plan.warnings.map((w) => ({ code: w.code, message: w.message })),
    ...(plan.hazards !== undefined && { hazards: plan.hazards.map((h) => ({
      code: h.code,
      severity: h.severity,
      message: h.message,
      ...(h.operation !== undefined && { operation: operationIndex(h.operation) }),
      ...(h.measurement !== undefined && {
        measurement: {
          count: h.measurement.count,
          complete: h.measurement.complete,
          ...(h.measurement.estimate !== undefined && { estimate: h.measurement.estimate }),
          text: h.measurement.text,
        },
      }),
    })) }),
    ...(plan.downHazards !== undefined && { downHazards: plan.downHazards.map((h) => ({ code: h.code, severity: h.severity, message: h.message })) }),
    ...(context.problems !== undefined && { problems: context.problems.map((p) => stableProblem(p)) }),
  }
}

function stableProblem(problem: NonNullable<ReportContext['problems']>[number]): unknown {
  const { code, message, severity, file, line } = problem
  return { code, message, ...(severity !== undefined && { severity }), ...(file !== undefined && { file }), ...(line !== undefined && { line }) }
}

/**
 * summaryText is the changes (in the order of the statements), warnings, hazards and notes (`info` hazards),
 * each hazard and note in full.
 */
function summaryText(plan: MigrationPlan, paint: Paint): string[] {
  const changes = summaryLines(inStatementOrder(summarizeChanges(plan.up), plan.upStatements), paint)
  const text = [paint('heading', 'Changes:'), ...changes.map((line) => `  ${line}`)]
  const list = (heading: string, style: (i: number) => Style, items: readonly string[]) =>
    text.push('', paint('heading', heading), ...items.flatMap((item, i) => bullets([item], '  ').map((line) => paint(style(i), line))))
  if (plan.warnings.length > 0) list('Warnings:', () => 'warning', plan.warnings.map(warningLine))
  const hazards = (plan.hazards ?? []).filter((h) => !isNote(h))
  if (hazards.length > 0) list('Hazards:', (i) => (hazards[i]!.severity === 'danger' ? 'danger' : 'warning'), hazards.map(hazardLine))
  const notes = (plan.hazards ?? []).filter(isNote)
  if (notes.length > 0) list('Notes:', () => 'note', notes.map(hazardLine))
  const downHazards = plan.downHazards ?? []
  if (downHazards.length > 0) {
    list('Down hazards (where down fails or loses what was written since up; downgrade counts them first):',
      (i) => (downHazards[i]!.severity === 'danger' ? 'danger' : 'warning'), downHazards.map(hazardLine))
  }
  return text
}

function script(text: readonly string[]): string {
  return text.length === 0 ? '' : lines(text)
}

function lines(text: readonly string[]): string {
  return `${text.join('\n')}\n`
}
