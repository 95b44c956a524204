import { sameName } from '../model/qualified-name'
import type { UnrestorableDrop } from '../plan/unrestorable'
import { charsetNarrowingFindings } from './charset-rules'
import { addCheckFindings } from './check-rules'
import { collationFindings } from './collation-rules'
import { copyFindings } from './copy-rules'
import { describeHazard } from './describe-hazard'
import { enumValueFindings } from './enum-rules'
import { addExclusionFindings } from './exclusion-rules'
import { findingsIn } from './find-hazards'
import { addForeignKeyFindings } from './foreign-key-rules'
import type { Hazard, HazardCode } from './hazard'
import type { HazardFinding } from './hazard-finding'
import type { HazardInput } from './hazard-input'
import { setNotNullFindings } from './nullability-rules'
import { type RuleContext, ruleContext } from './rule-context'
import { typeChangeFindings } from './type-change-rules'
import { uniqueFindings } from './unique-rules'

/**
 * downHazardRules are the rules of `up` that still hold for a `down`, whose operations are those of `up` undone:
 * they say where it fails or loses what was written since `up` ran (a length it narrows back, a NOT NULL, an enum,
 * a unique, a foreign key, a check or a collation that holds more values equal it puts back). The others are left out: dropping what `up` added is what a
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
  collationFindings,
]

/** downHazardCodes are the codes a `down` is checked for: of its rules, those that fail or lose data. */
const downHazardCodes: ReadonlySet<HazardCode> = new Set([
  'TYPE_NARROWING', 'TYPE_CAST_MAY_FAIL', 'SET_NOT_NULL', 'ADD_UNIQUE', 'ADD_FOREIGN_KEY', 'ADD_CHECK', 'ADD_EXCLUSION',
  'ENUM_VALUE_REMOVED', 'CHARSET_NARROWING', 'COLLATION_CHANGE',
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
 * reversed change set, starting from the schema `up` leaves). Pure; the order is findHazards'. What `down` stops
 * at its start for (`unrestorable`, up's IRREVERSIBLE) is no hazard of its own: see stoppedFirst.
 */
export function findDownHazards(input: HazardInput, unrestorable: readonly UnrestorableDrop[] = []): DownHazard[] {
  const context = ruleContext(input)
  return findingsIn(context, downHazardRules)
    .filter((finding) => downHazardCodes.has(finding.code) && !stoppedFirst(finding, context, unrestorable))
    .map((finding) => ({ ...describeHazard(finding), finding }))
}

/**
 * stoppedFirst says whether `down` checks for what the finding is about before its first change, and stops there,
 * `up` already reporting it as IRREVERSIBLE: anything on a table with a column that cannot come back (it stops
 * while the table has rows, and an empty table has nothing to lose), and the foreign key that cannot come back
 * over rows referencing a dropped table.
 */
function stoppedFirst(finding: HazardFinding, context: RuleContext, unrestorable: readonly UnrestorableDrop[]): boolean {
  const table = context.input.changes.tableAt[context.indexOf(finding.operation)]
  if (table === undefined) return false
  const { operation } = finding
  return unrestorable.some((drop) => sameName(drop.tableAfter, table.firstName) && (drop.kind === 'column' ||
    operation.kind === 'add_foreign_key' && operation.foreignKey.name === drop.op.foreignKey.name))
}
