import type { Statement } from '../dialect/statement'
import { summarizeChanges, summaryLines } from './change-summary'
import type { MigrationPlan } from './migration-plan'
import { bullets, hang } from './text-lines'
import { stableData } from './stable-json'

/**
 * ReportFormat is how a plan is shown without writing a file: `text` (summary, warnings, up SQL),
 * `summary` (summary and warnings only), `sql` (up statements, then down) or `json` (all of it as data).
 */
export type ReportFormat = 'text' | 'summary' | 'sql' | 'json'

/** renderReport shows a plan for review; it ends with a newline and is byte-identical for equal plans. */
export function renderReport(plan: MigrationPlan, format: ReportFormat): string {
  switch (format) {
    case 'text': return lines([...summaryText(plan), '', 'Up SQL:', ...sqlLines(plan.upStatements)])
    case 'summary': return lines(summaryText(plan))
    case 'sql': return lines([...sqlLines(plan.upStatements), '', '-- down', ...sqlLines(plan.downStatements)])
    case 'json': return `${JSON.stringify(jsonReport(plan), null, 2)}\n`
  }
}

/** jsonReport is the `json` document, with its keys in a fixed order. */
function jsonReport(plan: MigrationPlan): unknown {
  return {
    name: plan.name,
    summary: summarizeChanges(plan.up).map((e) => ({
      object: e.object, name: e.name, change: e.change, headline: e.headline, details: e.details,
    })),
    operations: plan.up.map(stableData),
    up: plan.upStatements.map((s) => s.sql),
    down: plan.downStatements.map((s) => s.sql),
    warnings: plan.warnings,
  }
}

function summaryText(plan: MigrationPlan): string[] {
  const text = ['Changes:', ...summaryLines(summarizeChanges(plan.up)).map((line) => `  ${line}`)]
  if (plan.warnings.length > 0) text.push('', 'Warnings:', ...bullets(plan.warnings, '  '))
  return text
}

/** sqlLines writes statements as a SQL script, each ending with `;`, notes on statements as `--` comments. */
function sqlLines(statements: readonly Statement[]): string[] {
  return statements.flatMap((statement) => [
    ...sqlComment(statement.outsideTransaction, 'runs outside a transaction: '),
    ...sqlComment(statement.failIfRows, 'must return no rows, else: '),
    /;\s*$/.test(statement.sql) ? statement.sql : `${statement.sql};`,
  ])
}

function sqlComment(note: string | undefined, prefix: string): string[] {
  if (note === undefined) return []
  return hang(`${prefix}${note}`, '-- ', '--   ')
}

function lines(text: readonly string[]): string {
  return `${text.join('\n')}\n`
}
