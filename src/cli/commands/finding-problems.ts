import { relative } from 'node:path'
import type { ReportProblem } from '../../render/report-context'
import type { MigrationsFinding } from '../../runner/migrations-finding'

/** problemsOf gives findings to the report formats, their files relative to the current folder. */
export function problemsOf(findings: readonly MigrationsFinding[]): ReportProblem[] {
  return findings.map((f) => ({ ...f, ...(f.file !== undefined && { file: relative(process.cwd(), f.file) || f.file }) }))
}
