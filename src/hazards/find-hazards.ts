import { compareText } from '../model/qualified-name'
import { hazardCodes } from './hazard'
import type { HazardFinding } from './hazard-finding'
import type { HazardInput } from './hazard-input'
import { charsetNarrowingFindings } from './charset-rules'
import { collationFindings } from './collation-rules'
import { copyFindings } from './copy-rules'
import { dropColumnFindings, dropForeignKeyFindings, dropIndexFindings, dropTableFindings, dropUniqueFindings, generatedOverValuesFindings } from './drop-rules'
import { addCheckFindings } from './check-rules'
import { addExclusionFindings } from './exclusion-rules'
import { addForeignKeyFindings } from './foreign-key-rules'
import { enumReorderFindings, enumValueFindings } from './enum-rules'
import { irreversibleFindings } from './irreversible-rules'
import { lockFindings, tableRebuildFindings } from './lock-rules'
import { rebuiltForeignKeyFindings } from './rebuilt-foreign-key-rules'
import { droppedDeclarationFindings, droppedIndexPredicateFindings, storedCommentFindings, unenforcedSizeFindings } from './no-effect-rules'
import { addNotNullFindings, setNotNullFindings } from './nullability-rules'
import { nameReadAsStringFindings } from './quoted-name-rules'
import { renameFindings } from './rename-rules'
import { type HazardRule, type RuleContext, ruleContext } from './rule-context'
import { setNullOnNotNullFindings } from './set-null-rules'
import { onDeleteCascadeFindings, onDeleteSetNullFindings } from './cascade-rules'
import { referencedKeyFindings } from './referenced-key-rules'
import { suspectedRenameFindings } from './suspected-rename'
import { triggerReadsColumnFindings, triggerWritesDroppedTableFindings } from './trigger-rules'
import { policyReadsColumnFindings } from './policy-rules'
import { triggerFunctionReadsTableFindings } from './trigger-table-rules'
import { checkFunctionReadsColumnFindings } from './check-function-rules'
import { keptPredicateFindings } from './kept-predicate-rules'
import { goneColumnFindings } from './gone-column-rules'
import { typeChangeFindings } from './type-change-rules'
import { uniqueFindings } from './unique-rules'
import { materializedViewRefreshFindings, viewDependencyRecreatedFindings, viewDroppedFindings } from './view-rules'

/** hazardRules are every rule, one per family. */
export const hazardRules: readonly HazardRule[] = [
  dropTableFindings,
  dropColumnFindings,
  generatedOverValuesFindings,
  irreversibleFindings,
  dropForeignKeyFindings,
  dropIndexFindings,
  dropUniqueFindings,
  suspectedRenameFindings,
  renameFindings,
  typeChangeFindings,
  copyFindings,
  setNotNullFindings,
  addNotNullFindings,
  uniqueFindings,
  addForeignKeyFindings,
  addCheckFindings,
  addExclusionFindings,
  setNullOnNotNullFindings,
  onDeleteCascadeFindings,
  onDeleteSetNullFindings,
  referencedKeyFindings,
  enumValueFindings,
  enumReorderFindings,
  tableRebuildFindings,
  rebuiltForeignKeyFindings,
  collationFindings,
  charsetNarrowingFindings,
  lockFindings,
  unenforcedSizeFindings,
  droppedDeclarationFindings,
  droppedIndexPredicateFindings,
  storedCommentFindings,
  viewDroppedFindings,
  viewDependencyRecreatedFindings,
  materializedViewRefreshFindings,
  nameReadAsStringFindings,
  triggerReadsColumnFindings,
  triggerWritesDroppedTableFindings,
  policyReadsColumnFindings,
  triggerFunctionReadsTableFindings,
  checkFunctionReadsColumnFindings,
  keptPredicateFindings,
  goneColumnFindings,
]

/**
 * findHazards runs the rules (every rule unless `rules` are given) over a migration's operations and statements.
 * Pure. Findings come in the order of their operations, then of the codes, then of their text, so that equal input
 * gives equal output.
 */
export function findHazards(input: HazardInput, rules: readonly HazardRule[] = hazardRules): HazardFinding[] {
  return findingsIn(ruleContext(input), rules)
}

/** findingsIn is findHazards over a rule context the caller has built already. */
export function findingsIn(context: RuleContext, rules: readonly HazardRule[]): HazardFinding[] {
  const position = (f: HazardFinding) => context.indexOf(f.operation)
  return withoutRepeatedRewrites(rules.flatMap((rule) => rule(context)))
    .sort((a, b) => position(a) - position(b) || hazardCodes.indexOf(a.code) - hazardCodes.indexOf(b.code) || compareText(a.what, b.what))
}

/**
 * withoutRepeatedRewrites leaves out the TABLE_REBUILD of a table copy that a type change starts where its
 * TYPE_CHANGE_REWRITE already says the table is rewritten (MySQL's ALTER ... MODIFY, SQLite's copy): one change,
 * one warning.
 */
function withoutRepeatedRewrites(findings: HazardFinding[]): HazardFinding[] {
  const rewrites = new Set(findings.filter((f) => f.code === 'TYPE_CHANGE_REWRITE').map((f) => f.operation))
  return findings.filter((f) => f.code !== 'TABLE_REBUILD' || !rewrites.has(f.operation))
}
