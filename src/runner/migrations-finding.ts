/**
 * MigrationsFinding is one thing a scratch database found wrong with the migrations folder or the live
 * database, as data (for the JSON and annotation formats) and as one line of text.
 */
export interface MigrationsFinding {
  /** Stable: DOWN_FAILED, DOWN_LEFT_BEHIND, MIGRATION_NOT_RUN, DRIFT. */
  readonly code: string
  readonly message: string
  /** The migration file concerned, absolute. */
  readonly file?: string
  /** Its 1-based line, where one line is concerned. */
  readonly line?: number
}

/** findingLine is a finding as one line of text: `<file>:<line>: <message> [<code>]`. */
export function findingLine(finding: MigrationsFinding): string {
  const where = finding.file === undefined ? '' : `${finding.file}${finding.line === undefined ? '' : `:${finding.line}`}: `
  return `${where}${finding.message} [${finding.code}]`
}
