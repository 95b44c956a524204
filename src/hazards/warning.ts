/**
 * warningCodes are the stable codes of every warning, a public contract (README, "Warnings") like the hazard
 * codes: text output, migration files and `--format json` carry them, and `autogen.ignore` names them.
 * A warning is something the reviewer must know about the run itself (what was not compared, what could
 * not be counted); a hazard is a risk of one change.
 */
export const warningCodes = [
  'UNKNOWN_MIGRATIONS',
  'UNAPPLIED_MIGRATIONS',
  'CONTRACT_DUE',
  'NOT_DIFFED',
  'RENAME_HINT_IGNORED',
  'RENAME_UNDECIDED',
  'PRIMARY_KEY_ORDER',
  'KEPT_IN_PLACE',
  'NOT_COUNTED',
  'SNAPSHOT_UNREADABLE',
  'SNAPSHOT_STALE',
  'DATABASE_PATH',
  'SCHEMA_DIFFERS',
  'RUN_OUT_OF_ORDER',
  'RUN_UNRECORDED_EDIT',
  'STRANDED_FOREIGN_KEY',
] as const

/** WarningCode names one kind of warning. */
export type WarningCode = (typeof warningCodes)[number]

/** Warning is one thing the reviewer must know, with its stable code, in one sentence. */
export interface Warning {
  readonly code: WarningCode
  readonly message: string
}

/** warningsOf gives each message the code `code`. */
export function warningsOf(code: WarningCode, messages: readonly string[]): Warning[] {
  return messages.map((message) => ({ code, message }))
}

/** warningLine is a warning as text: `<CODE>: <message>`. */
export function warningLine(warning: Warning): string {
  return `${warning.code}: ${warning.message}`
}
