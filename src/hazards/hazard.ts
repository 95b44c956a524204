import type { QualifiedName } from '../model/schema-model'
import type { Operation } from '../operations/operation'

/** Severity ranks hazards: `danger` may lose data or fail; `warning` locks, slows or breaks running code; `info` is worth knowing. */
export type Severity = 'info' | 'warning' | 'danger'

/** severities are the severities from the lowest up. */
export const severities: readonly Severity[] = ['info', 'warning', 'danger']

/** isNote says whether a hazard is only worth knowing (`info`): a note, which never needs accepting. */
export function isNote(hazard: { readonly severity: Severity }): boolean {
  return hazard.severity === 'info'
}

/**
 * hazardCodes are the stable codes of every hazard, a public contract (README, "Hazards"): migration files
 * and `--format json` carry them, and reviewers accept hazards by code.
 */
export const hazardCodes = [
  'DROP_TABLE',
  'DROP_COLUMN',
  'IRREVERSIBLE',
  'DROP_FOREIGN_KEY',
  'DROP_INDEX',
  'SUSPECTED_RENAME',
  'RENAME',
  'TYPE_CHANGE_SAFE',
  'TYPE_CHANGE_REWRITE',
  'TYPE_NARROWING',
  'TYPE_CAST_MAY_FAIL',
  'SET_NOT_NULL',
  'ADD_NOT_NULL_WITHOUT_DEFAULT',
  'ADD_UNIQUE',
  'ADD_FOREIGN_KEY',
  'ADD_CHECK',
  'ADD_EXCLUSION',
  'ENUM_VALUE_REMOVED',
  'ENUM_REORDERED',
  'TABLE_REBUILD',
  'FOREIGN_KEY_ALREADY_BROKEN',
  'COLLATION_CHANGE',
  'CHARSET_NARROWING',
  'INDEX_WITHOUT_CONCURRENTLY',
  'CONSTRAINT_WITHOUT_NOT_VALID',
  'NO_SCHEMA_EFFECT',
  'DECLARATION_CONFLICT',
  'VIEW_DROPPED',
  'VIEW_DEPENDENCY_RECREATED',
  'MATERIALIZED_VIEW_REFRESH',
  'NAME_READ_AS_STRING',
  'TRIGGER_READS_COLUMN',
  'POLICY_READS_COLUMN',
  'TRIGGER_FUNCTION_READS_TABLE',
  'CHECK_FUNCTION_READS_COLUMN',
  'INDEX_PREDICATE_OLD_TYPE',
  'READS_GONE_COLUMN',
  'SET_NULL_ON_NOT_NULL',
  'ON_DELETE_CASCADE',
  'ON_DELETE_SET_NULL',
  'REFERENCED_NOT_UNIQUE',
] as const

/** HazardCode names one kind of hazard. */
export type HazardCode = (typeof hazardCodes)[number]

/** hazardSeverity is the one severity of each code. */
export const hazardSeverity: Readonly<Record<HazardCode, Severity>> = {
  DROP_TABLE: 'danger',
  DROP_COLUMN: 'danger',
  IRREVERSIBLE: 'warning',
  DROP_FOREIGN_KEY: 'warning',
  DROP_INDEX: 'warning',
  SUSPECTED_RENAME: 'danger',
  RENAME: 'warning',
  TYPE_CHANGE_SAFE: 'info',
  TYPE_CHANGE_REWRITE: 'warning',
  TYPE_NARROWING: 'danger',
  TYPE_CAST_MAY_FAIL: 'danger',
  SET_NOT_NULL: 'warning',
  ADD_NOT_NULL_WITHOUT_DEFAULT: 'warning',
  ADD_UNIQUE: 'warning',
  ADD_FOREIGN_KEY: 'warning',
  ADD_CHECK: 'warning',
  ADD_EXCLUSION: 'warning',
  ENUM_VALUE_REMOVED: 'danger',
  ENUM_REORDERED: 'warning',
  TABLE_REBUILD: 'warning',
  FOREIGN_KEY_ALREADY_BROKEN: 'warning',
  COLLATION_CHANGE: 'warning',
  CHARSET_NARROWING: 'danger',
  INDEX_WITHOUT_CONCURRENTLY: 'warning',
  CONSTRAINT_WITHOUT_NOT_VALID: 'warning',
  NO_SCHEMA_EFFECT: 'info',
  DECLARATION_CONFLICT: 'danger',
  VIEW_DROPPED: 'warning',
  VIEW_DEPENDENCY_RECREATED: 'info',
  MATERIALIZED_VIEW_REFRESH: 'warning',
  NAME_READ_AS_STRING: 'danger',
  TRIGGER_READS_COLUMN: 'danger',
  POLICY_READS_COLUMN: 'danger',
  TRIGGER_FUNCTION_READS_TABLE: 'warning',
  CHECK_FUNCTION_READS_COLUMN: 'warning',
  INDEX_PREDICATE_OLD_TYPE: 'danger',
  READS_GONE_COLUMN: 'danger',
  SET_NULL_ON_NOT_NULL: 'danger',
  ON_DELETE_CASCADE: 'warning',
  ON_DELETE_SET_NULL: 'warning',
  REFERENCED_NOT_UNIQUE: 'danger',
}

/**
 * HazardMeasurement is what the live data said about a hazard before the migration ran: `count` rows or
 * values affected, `complete` when the whole table was read (else `count` is a lower bound, or for row
 * counts, the row limit), `estimate` the planner's row estimate where there is one; `text` says it in words.
 */
export interface HazardMeasurement {
  readonly count: number
  readonly complete: boolean
  readonly estimate?: number
  readonly text: string
}

/**
 * Hazard is a risk of one operation, for a reviewer: a stable `code`, its `severity` and one sentence saying
 * what happens and what to do instead, with the affected data counted when the database was read.
 */
export interface Hazard {
  readonly code: HazardCode
  readonly severity: Severity
  readonly message: string
  /** The operation it concerns; absent for a hazard of the entities themselves (DECLARATION_CONFLICT). */
  readonly operation?: Operation
  /** What it concerns, briefly (`"post"."title"`), when its operation does not name it: there is none, or it concerns more. */
  readonly subject?: string
  /** The column it concerns where its operation names none (see HazardFinding). */
  readonly column?: ColumnPlace
  readonly measurement?: HazardMeasurement
}

/** ColumnPlace is a column of a table, by name. */
export interface ColumnPlace {
  readonly table: QualifiedName
  readonly name: string
}
