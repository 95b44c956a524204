import { relative } from 'node:path'
import type { Severity } from './hazard'

/**
 * CheckFinding is one reason `check` fails besides a missing migration (the migrations folder's checks,
 * the hazard policy, drift), as data for every output format:
 * a stable code, one sentence that says what to do, and where (a file relative to the working folder, and
 * its line) when it is about a file. Hazards carry their severity.
 */
export interface CheckFinding {
  readonly code: string
  readonly message: string
  readonly file?: string
  readonly line?: number
  readonly severity?: Severity
}

/** findingLine is a finding as one line of text, as a compiler writes one: `<file>:<line>: <CODE> (<severity>): <message>`. */
export function findingLine(finding: CheckFinding): string {
  const where = finding.file === undefined ? '' : `${finding.file}${finding.line === undefined ? '' : `:${finding.line}`}: `
  const severity = finding.severity === undefined ? '' : ` (${finding.severity})`
  return `${where}${finding.code}${severity}: ${finding.message}`
}

/** shownPath is a file as a finding names it: relative to the working folder when inside it. */
export function shownPath(file: string): string {
  return relative(process.cwd(), file) || file
}
