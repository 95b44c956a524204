import { relative } from 'node:path'
import type { FileHazard } from '../hazards/accepted-hazards'
import type { MigrationDetails } from '../runner/migration-details'
import type { MigrationEntry } from '../runner/migration-log'
import type { RecordedQuery } from '../runner/recording-query-runner'
import type { Paint } from './paint'

/** stateLabel is how `status`, `history` and `show` mark a migration: `[applied]`, `[pending]` or `[unknown]`. */
export function stateLabel(entry: MigrationEntry, paint: Paint): string {
  if (entry.state === 'unknown') return paint('danger', '[unknown]')
  return entry.state === 'applied' ? paint('ok', '[applied]') : paint('warning', '[pending]')
}

/** statusLine is one line of `status`. */
export function statusLine(entry: MigrationEntry, paint: Paint): string {
  const tail = entry.state === 'unknown' ? ' (applied to the database, no file: switch branch or pull)' : ''
  return `${stateLabel(entry, paint)} ${entry.name}${tail}`
}

/**
 * historyLines describe one migration for `history`: its status line, its change summary and its hazards'
 * codes; `verbose` adds its file, its header's other sections, and each hazard's sentence and line. `marks` follow
 * the status line (` (head) (current)`).
 */
export function historyLines(details: MigrationDetails, verbose: boolean, paint: Paint, marks = ''): string[] {
  const indent = '    '
  const first = `${statusLine(details, paint)}${marks}`
  if (!verbose) {
    return [
      first,
      ...details.summary.map((line) => `${indent}${line}`),
      ...details.hazards.map((h) => `${indent}${hazardWord(h)} ${h.code} (${h.severity})`),
    ]
  }
  return [
    first,
    ...(details.file === undefined ? [] : [`${indent}file: ${shownPath(details.file)}`]),
    ...details.header.map((line) => (line === '' ? '' : `${indent}${line}`)),
    ...details.hazards.map((h) => `${indent}${hazardLine(h)}`),
  ]
}

/** showLines describe one migration for `show`: status, file, header, hazards, then the SQL of up and of down. */
export function showLines(details: MigrationDetails, up: readonly RecordedQuery[], down: readonly RecordedQuery[], paint: Paint): string[] {
  return [
    `${details.name} ${stateLabel(details, paint)}`,
    ...(details.file === undefined ? [] : [`File: ${shownPath(details.file)}`]),
    ...(details.header.length === 0 ? [] : ['', ...details.header]),
    ...(details.hazards.length === 0 ? [] : ['', 'Hazard comments:', ...details.hazards.map((h) => `  ${hazardLine(h)}`)]),
    '',
    '-- up',
    ...sqlLines(up),
    '',
    '-- down',
    ...sqlLines(down),
  ]
}

function sqlLines(queries: readonly RecordedQuery[]): string[] {
  if (queries.length === 0) return ['-- (no queries)']
  return queries.flatMap((q) => [
    /;\s*$/.test(q.sql) ? q.sql : `${q.sql};`,
    ...(q.parameters === undefined ? [] : [`-- parameters: ${JSON.stringify(q.parameters)}`]),
  ])
}

function hazardWord(h: FileHazard): string {
  return h.accepted ? 'accepted' : 'hazard'
}

function hazardLine(h: FileHazard): string {
  return `line ${h.line}: ${hazardWord(h)} ${h.code} (${h.severity}): ${h.message}`
}

function shownPath(file: string): string {
  return relative(process.cwd(), file)
}
