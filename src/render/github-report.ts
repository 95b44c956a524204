import * as path from 'node:path'
import { type Hazard, type Severity } from '../hazards/hazard'
import { type Operation, tableOf } from '../operations/operation'
import type { MigrationPlan } from '../plan/migration-plan'
import { type SourceLine, type TableLocation, locate } from '../source/entity-locations'
import { type SummaryEntry, summarizeChanges } from './change-summary'
import { hazardSubject } from './hazard-text'
import type { ReportContext } from './report-context'
import { runSummary } from './run-summary'

/** The workflow command of each severity: GitHub shows errors, warnings and notices as annotations. */
const commands: Readonly<Record<Severity, string>> = { danger: 'error', warning: 'warning', info: 'notice' }

/**
 * renderGithubReport writes a plan as GitHub Actions workflow commands, one per finding, each pointing at
 * the file and line it concerns where one is known: the findings beyond the plan (an error unless their
 * severity says otherwise), hazards by severity (danger an error, warning a
 * warning, note a notice), the hazards of down (titled `down:`), the run's warnings, and, where `check` found a missing migration (its verdict
 * given, with changes), an error per changed table. It ends with one plain summary line.
 */
export function renderGithubReport(plan: MigrationPlan, context: ReportContext = {}): string {
  const locations = context.locations ?? []
  const root = context.root ?? process.cwd()
  const at = (place: SourceLine | undefined) =>
    place === undefined ? {} : { file: relativePath(root, place.file), ...(place.line !== undefined && { line: String(place.line) }) }
  const lines = [
    ...(context.problems ?? []).map((p) => command(commands[p.severity ?? 'danger'], { ...at(p.file === undefined ? undefined : { file: p.file, line: p.line }), title: p.code }, p.message)),
    ...(plan.hazards ?? []).map((h) => command(commands[h.severity], { ...at(placeOf(h, locations)), title: hazardTitle(h) }, h.message)),
    // Nobody accepts a hazard of down, and none fails a check: a danger is a warning, the others notices.
    ...(plan.downHazards ?? []).map((h) => command(h.severity === 'danger' ? 'warning' : 'notice', { ...at(placeOf(h, locations)), title: `down: ${hazardTitle(h)}` }, h.message)),
    ...plan.warnings.map((w) => command('warning', { title: w.code }, w.message)),
  ]
  const { verdict } = context
  if (verdict !== undefined) {
    for (const entry of verdictEntries(summarizeChanges(plan.up))) {
      const table = entry.operations.map(tableOf).filter((name) => name !== undefined).pop()
      const place = table === undefined ? undefined : locate(locations, table)
      const title = `${context.verdictTitle ?? 'Migration missing'}: ${entry.headline.replace(/^[-+~] /, '')}`
      lines.push(command('error', { ...at(place), title }, [verdict, ...entry.details].join('\n')))
    }
  }
  lines.push(plan.up.length === 0 && verdict !== undefined ? verdict : `typeorm-autogen: ${runSummary([plan]).line}`)
  return `${lines.join('\n')}\n`
}

/**
 * verdictEntries are the changed objects `check`'s verdict is annotated on: the tables, or, where only other
 * objects change (a view's query, an enum type's labels), those, so that a failing check always says why.
 */
function verdictEntries(entries: readonly SummaryEntry[]): readonly SummaryEntry[] {
  const tables = entries.filter((e) => e.object === 'table')
  return tables.length > 0 ? tables : entries
}

/**
 * placeOf is where a hazard points: the entity property of the column it concerns or its operation changes, else
 * the entity's class.
 */
function placeOf(hazard: Hazard, locations: readonly TableLocation[]): SourceLine | undefined {
  if (hazard.column !== undefined) return locate(locations, hazard.column.table, hazard.column.name)
  const op = hazard.operation
  const table = op === undefined ? undefined : tableOf(op)
  return op === undefined || table === undefined ? undefined : locate(locations, table, columnOf(op))
}

function columnOf(op: Operation): string | undefined {
  switch (op.kind) {
    case 'add_column':
    case 'drop_column':
      return op.column.name
    case 'alter_column':
    case 'copy_column':
      return op.to.name
    case 'rename_column':
      return op.to
    case 'rename_column_label':
      return op.column.name
    default:
      return undefined
  }
}

function hazardTitle(hazard: Hazard): string {
  const subject = hazardSubject(hazard)
  return subject === undefined ? hazard.code : `${hazard.code} ${subject}`
}

/** command is one workflow command, its properties and message escaped as GitHub's runner reads them back. */
function command(name: string, properties: Readonly<Record<string, string>>, message: string): string {
  const props = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',')
  return `::${name}${props === '' ? '' : ` ${props}`}::${escapeData(message)}`
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** relativePath is a file as GitHub names it: relative to the repository's root, with forward slashes. */
function relativePath(root: string, file: string): string {
  const relative = path.relative(root, file)
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
  return (inside ? relative : file).split(path.sep).join('/')
}
