import type { Statement } from '../dialect/statement'
import { type Hazard, isNote } from '../hazards/hazard'
import { inStatementOrder, summarizeChanges, summaryLines } from './change-summary'
import { hazardComment, hazardLine, hazardPointer, operationIndex, placeHazards } from './hazard-text'
import { warningLine } from '../hazards/warning'
import type { MigrationPlan } from '../plan/migration-plan'
import { type Paint, plain, type Style } from './paint'
import { bullets, hang } from './text-lines'
import { stableData } from './stable-json'

/**
 * ReportFormat is how a plan is shown without writing a file: `text` (summary, warnings, hazards, up SQL),
 * `summary` (summary, warnings and hazards only), `sql` (the statements of one direction, a script to run) or
 * `json` (all of it as data).
 */
export type ReportFormat = 'text' | 'summary' | 'sql' | 'json'

/**
 * ReportDirection is which statements the `text` and `sql` formats print: those of `up` (with their hazards),
 * of `down`, or (`text` only) both. `json` always holds both.
 */
export type ReportDirection = 'up' | 'down' | 'both'

/**
 * renderReport shows a plan for review; it ends with a newline and is byte-identical for equal plans. The
 * `text` format prints the SQL of `direction` (default `up`; `both` is up, then down). The `sql` format prints
 * one direction only (`both` reads as `up`), so that running its output makes one change, and nothing at all
 * for a plan without statements. `paint` colours the `text` and `summary` formats for a terminal.
 */
export function renderReport(plan: MigrationPlan, format: ReportFormat, direction: ReportDirection = 'up', paint: Paint = plain): string {
  const up = () => sqlLines(plan.upStatements, plan.hazards, pointerComment)
  const down = () => sqlLines(plan.downStatements)
  switch (format) {
    case 'text': return lines([
      ...summaryText(plan, paint),
      ...(direction === 'down' ? [] : ['', paint('heading', 'Up SQL:'), ...up()]),
      ...(direction === 'up' ? [] : ['', paint('heading', 'Down SQL:'), ...(plan.downStatements.length === 0 ? ['(none)'] : down())]),
    ])
    case 'summary': return lines(summaryText(plan, paint))
    case 'sql': return script(direction === 'down' ? down() : sqlLines(plan.upStatements, plan.hazards))
    case 'json': return `${JSON.stringify(jsonReport(plan), null, 2)}\n`
  }
}

/**
 * jsonReport is the `json` document, with its keys in a fixed order. `hazards` (present whenever the plan
 * was checked for them, as every comparison is) names each hazard's operation by its index in `operations`
 * and carries its `measurement` when the data was counted.
 */
function jsonReport(plan: MigrationPlan): unknown {
  return {
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
      ...(h.operation !== undefined && { operation: operationIndex(plan.up, h.operation) }),
      ...(h.measurement !== undefined && {
        measurement: {
          count: h.measurement.count,
          complete: h.measurement.complete,
          ...(h.measurement.estimate !== undefined && { estimate: h.measurement.estimate }),
          text: h.measurement.text,
        },
      }),
    })) }),
  }
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
  return text
}

/** pointerComment marks a statement with the hazard it carries out, whose sentence the text above already gave. */
function pointerComment(hazard: Hazard): string {
  return `${isNote(hazard) ? 'note' : 'hazard'} ${hazardPointer(hazard)}`
}

/**
 * sqlLines writes statements as a SQL script, each ending with `;`, notes on statements and the hazards
 * they carry out as `--` comments (written by `comment`: in full, or as pointers).
 */
function sqlLines(statements: readonly Statement[], hazards: readonly Hazard[] = [], comment = hazardComment): string[] {
  const { byStatement, unplaced } = placeHazards(statements, hazards)
  const hazardNotes = (list: readonly Hazard[]) => list.flatMap((h) => hang(comment(h), '-- ', '--   '))
  return [...hazardNotes(unplaced), ...statements.flatMap((statement, i) => [
    ...hazardNotes(byStatement.get(i) ?? []),
    ...sqlComment(statement.commitBeforeUse, 'generate writes what follows as a second migration: '),
    ...sqlComment(statement.failIfRows, 'must return no rows, else: '),
    `${statement.sql};`,
  ])]
}

function sqlComment(note: string | undefined, prefix: string): string[] {
  if (note === undefined) return []
  return hang(`${prefix}${note}`, '-- ', '--   ')
}

function script(text: readonly string[]): string {
  return text.length === 0 ? '' : lines(text)
}

function lines(text: readonly string[]): string {
  return `${text.join('\n')}\n`
}
