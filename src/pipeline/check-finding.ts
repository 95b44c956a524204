import type { Severity } from '../hazards/hazard'

/**
 * CheckFinding is one reason `check` fails besides a missing migration, as data for every output format:
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
