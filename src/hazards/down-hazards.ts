import { charsetNarrowingFindings } from './charset-rules'
import { addCheckFindings } from './check-rules'
import { copyFindings } from './copy-rules'
import { describeHazard } from './describe-hazard'
import { enumValueFindings } from './enum-rules'
import { addExclusionFindings } from './exclusion-rules'
import { findHazards } from './find-hazards'
import { addForeignKeyFindings } from './foreign-key-rules'
import type { Hazard, HazardCode } from './hazard'
import type { HazardFinding } from './hazard-finding'
import type { HazardInput } from './hazard-input'
import { setNotNullFindings } from './nullability-rules'
import { typeChangeFindings } from './type-change-rules'
import { uniqueFindings } from './unique-rules'

/**
 * downHazardRules are the rules of `up` that still hold for a `down`, whose operations are those of `up` undone:
 * they say where it fails or loses what was written since `up` ran (a length it narrows back, a NOT NULL, an enum,
 * a unique, a foreign key or a check it puts back). The others are left out: dropping what `up` added is what a
 * `down` is for, and locks and rewrites matter less in a rollback than whether it runs.
 */
const downHazardRules = [
  typeChangeFindings,
  copyFindings,
  setNotNullFindings,
  uniqueFindings,
  addForeignKeyFindings,
  addCheckFindings,
  addExclusionFindings,
  enumValueFindings,
  charsetNarrowingFindings,
]

/** downHazardCodes are the codes a `down` is checked for: of its rules, those that fail or lose data. */
const downHazardCodes: ReadonlySet<HazardCode> = new Set([
  'TYPE_NARROWING', 'TYPE_CAST_MAY_FAIL', 'SET_NOT_NULL', 'ADD_UNIQUE', 'ADD_FOREIGN_KEY', 'ADD_CHECK', 'ADD_EXCLUSION',
  'ENUM_VALUE_REMOVED', 'CHARSET_NARROWING',
])

/**
 * DownHazard is a hazard of a migration's `down`, found when the migration is generated, with the finding it was
 * written from: `downgrade` asks the finding's probe of the live database before it runs the `down` (the rows that
 * matter are written after `up`, so none are counted at `generate`).
 */
export interface DownHazard extends Hazard {
  readonly finding: HazardFinding
}

/**
 * findDownHazards runs the rules that hold for a `down` over its operations and statements (`input.changes` is the
 * reversed change set, starting from the schema `up` leaves). Pure; the order is findHazards'.
 */
export function findDownHazards(input: HazardInput): DownHazard[] {
  return findHazards(input, downHazardRules)
    .filter((finding) => downHazardCodes.has(finding.code))
    .map((finding) => ({ ...describeHazard(finding), finding }))
}
