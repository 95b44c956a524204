import type * as Diff from 'diff'
import type { Statement } from '../dialect/statement'
import { type Hazard, type Severity } from '../hazards/hazard'
import { plural } from '../hazards/hazard-names'
import type { TableChange } from '../plan/change-set'
import type { MigrationPlan } from '../plan/migration-plan'
import { inStatementOrder, summarizeChanges } from './change-summary'
import { hazardSubject } from './hazard-text'
import { codeBlock, codeSpan, folded, markdownText } from './markdown-text'
import { displayName } from './operation-pieces'
import type { CheckFinding } from '../hazards/check-finding'
import type { ReportContext } from './report-context'
import { runSummary } from './run-summary'
import { downPointerComment, pointerComment, sqlLines } from './sql-lines'
import { tableDefinition } from './table-definition'

const groups: readonly { readonly severity: Severity; readonly heading: string }[] = [
  { severity: 'danger', heading: 'Danger' },
  { severity: 'warning', heading: 'Warning' },
  { severity: 'info', heading: 'Notes' },
]

/**
 * renderMarkdownReport writes a plan as a pull-request comment: a heading and the result in one line, the
 * findings beyond the plan (drift, the migrations folder), the changes per table, the hazards by severity (with their counts) and the run's warnings, the SQL of up and
 * down folded, and each changed table's definition before and after as a unified diff. Names and sentences
 * are escaped; equal input gives equal bytes.
 */
export function renderMarkdownReport(plan: MigrationPlan, context: ReportContext = {}): string {
  const summary = runSummary([plan])
  const result = plan.up.length === 0 ? 'No changes.' : `**${markdownText(summary.line)}.**`
  const sections = [
    ['## Schema changes', '', context.verdict === undefined ? result : `${result} ${context.verdict}`],
    problemsSection(context.problems ?? []),
    changesSection(plan),
    hazardsSection(plan.hazards ?? []),
    downHazardsSection(plan.downHazards ?? []),
    warningsSection(plan),
    sqlSection(plan),
    definitionsSection(context.changes?.tables ?? []),
  ]
  return `${sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n')}\n`
}

/** problemsSection lists the findings beyond the plan (drift, the migrations folder), each with its file and line. */
function problemsSection(problems: readonly CheckFinding[]): string[] {
  if (problems.length === 0) return []
  const place = (p: CheckFinding) => (p.file === undefined ? '' : ` (${codeSpan(p.line === undefined ? p.file : `${p.file}:${p.line}`)})`)
  return [`### Findings (${problems.length})`, '', ...problems.map((p) => `- **${p.code}**${place(p)}: ${markdownText(p.message)}`)]
}

function changesSection(plan: MigrationPlan): string[] {
  const entries = inStatementOrder(summarizeChanges(plan.up), plan.upStatements)
  if (entries.length === 0) return []
  return ['### Changes', '', ...entries.flatMap((entry) => [
    `- ${codeSpan(entry.headline)}`,
    ...entry.details.map((line) => `  - ${codeSpan(line)}`),
  ])]
}

function hazardsSection(hazards: readonly Hazard[]): string[] {
  const lines: string[] = []
  for (const { severity, heading } of groups) {
    const group = hazards.filter((h) => h.severity === severity)
    if (group.length > 0) lines.push('', `#### ${heading} (${group.length})`, '', ...group.map(hazardItem))
  }
  return lines.length === 0 ? [] : ['### Hazards', ...lines]
}

/** downHazardsSection lists the hazards of down, which nobody accepts: downgrade counts them before it runs down. */
function downHazardsSection(hazards: readonly Hazard[]): string[] {
  if (hazards.length === 0) return []
  return [
    `### Hazards of down (${hazards.length})`, '',
    'Where `down` fails or loses what is written after `up` runs; `downgrade` counts them before it runs `down`.', '',
    ...hazards.map(hazardItem),
  ]
}

function hazardItem(hazard: Hazard): string {
  const subject = hazardSubject(hazard)
  return `- **${hazard.code}**${subject === undefined ? '' : ` ${codeSpan(subject)}`}: ${markdownText(hazard.message)}`
}

function warningsSection(plan: MigrationPlan): string[] {
  if (plan.warnings.length === 0) return []
  return [`### Warnings about this run (${plan.warnings.length})`, '', ...plan.warnings.map((w) => `- **${w.code}**: ${markdownText(w.message)}`)]
}

function sqlSection(plan: MigrationPlan): string[] {
  if (plan.upStatements.length === 0 && plan.downStatements.length === 0) return []
  const script = (heading: string, statements: readonly Statement[], lines: readonly string[]) =>
    folded(`${heading} (${plural(statements.length, 'statement')})`, statements.length === 0 ? ['(none)'] : codeBlock('sql', lines))
  return [
    ...script('Up SQL', plan.upStatements, sqlLines(plan.upStatements, plan.hazards, pointerComment)),
    '',
    ...script('Down SQL', plan.downStatements, sqlLines(plan.downStatements, plan.downHazards, downPointerComment)),
  ]
}

/** definitionsSection shows each table whose definition the migration changes (not one it creates and drops again). */
function definitionsSection(tables: readonly TableChange[]): string[] {
  const diffs = tables.filter((t) => t.change !== 'transient').map(definitionDiff).filter((lines) => lines.length > 0)
  if (diffs.length === 0) return []
  return ['### Tables before and after', '', ...diffs.flatMap((lines, i) => [...(i === 0 ? [] : ['']), ...codeBlock('diff', lines)])]
}

/** definitionDiff is a table's definition before and after as a unified diff, three lines of context; empty when equal. */
function definitionDiff(table: TableChange): string[] {
  const before = table.from === undefined ? [] : tableDefinition(table.from)
  const after = table.to === undefined ? [] : tableDefinition(table.to)
  const text = (lines: readonly string[]) => (lines.length === 0 ? '' : `${lines.join('\n')}\n`)
  const name = (side: typeof table.from, when: string) => (side === undefined ? '/dev/null' : `${displayName(side)} ${when}`)
  // Required here, not at the top: only the markdown report uses it, and every command loads this file.
  const { structuredPatch } = require('diff') as typeof Diff
  const patch = structuredPatch(name(table.from, '(before)'), name(table.to, '(after)'), text(before), text(after))
  if (patch.hunks.length === 0) return []
  return [
    `--- ${patch.oldFileName}`,
    `+++ ${patch.newFileName}`,
    ...patch.hunks.flatMap((hunk) => [
      `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`,
      ...hunk.lines,
    ]),
  ]
}

/** range is a hunk's lines as `diff -u` writes them: an empty side names the line before it (`0,0` for none). */
function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`
}
