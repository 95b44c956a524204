import type { DialectCapabilities } from '../dialect/dialect'
import type { SchemaModel } from '../model/schema-model'
import { qualifiedKey, sameName } from '../model/qualified-name'
import { applyOperations } from '../operations/apply'
import type { Operation, OperationOf } from '../operations/operation'
import { afterTableRenames, orderOperations, orderOptionsFor } from '../operations/order'
import { diffSchemas } from './diff-schemas'
import { caseOnlyRenames } from './case-only-renames'
import { detectColumnRenames, detectTableRenames } from './rename-detector'
import { followUpRenames } from './rename-follow-ups'
import { movedEnumTypes } from './moved-enum-types'
import { freeColumnName } from './freed-column-names'
import { type HintMatch, matchColumnHint, matchTableHint, tableFreedBy } from './rename-hint-match'
import { matchLabelHint } from './label-hint-match'
import { withAlternativesSpent } from './alternative-hints'
import { type IgnoredHint, type LabelRenameHint, type RenameAsk, type RenameDecision, type RenameHint, type SuspectedRename, renamedTableName } from './rename-types'

/** RenameInput is what decides renames: hints first (decorators, flags), then `ask` for each suspected one. */
export interface RenameInput {
  readonly hints?: readonly RenameHint[]
  /** Enum labels stated renamed (decorators, flags), carried out once the tables and columns are renamed. */
  readonly labelHints?: readonly LabelRenameHint[]
  /** Asked about each suspected rename no hint covers; without it they stay unresolved. */
  readonly ask?: RenameAsk
  /** autogen.keepDatabaseNames: what is named after a renamed table or column keeps its name too (no followUpRenames). */
  readonly keepDatabaseNames?: boolean
}

/** RenamePlan is a diff with renames resolved. */
export interface RenamePlan {
  /** Every operation, in execution order: renames, what follows their names, then the rest of the diff. */
  readonly ops: Operation[]
  /** The renames carried out, tables first. */
  readonly renames: readonly RenameDecision[]
  /** Suspected renames neither a hint nor `ask` decided: `ops` drops and adds them. */
  readonly unresolved: readonly SuspectedRename[]
  readonly ignoredHints: readonly IgnoredHint[]
}

/**
 * planWithRenames is diffSchemas with renames: tables first, then columns (of tables renamed or not), each
 * from the hints, then (a column's case alone, where names ignore case: caseOnlyRenames) by themselves, then from
 * `ask` on what the detector suspects; then the enum labels the label hints rename. The database's model is renamed as decided
 * before each next step, so a rename is one RENAME plus the diff that remains (an AlterColumn when the
 * definition changed too; a check naming the column follows it, and is re-created only if it changes
 * otherwise), and what is named after the renamed table or column follows (see followUpRenames). A column
 * the entities drop whose name a stated rename takes is dropped first (see freeColumnName). Pure but for `ask`.
 */
export async function planWithRenames(
  actual: SchemaModel,
  desired: SchemaModel,
  capabilities: DialectCapabilities,
  input: RenameInput = {},
): Promise<RenamePlan> {
  const hints = input.hints ?? []
  const renames: RenameDecision[] = []
  const unresolved: SuspectedRename[] = []
  const ignoredHints: IgnoredHint[] = []
  const renameOps: Operation[] = []
  let model = actual
  const decide = (decision: RenameDecision) => {
    const op = renameOperation(decision, model)
    renames.push(decision)
    renameOps.push(op)
    model = applyOperations(model, [op])
  }
  const fromHint = (hint: RenameHint, match: HintMatch) => {
    if ('decision' in match) decide(match.decision)
    else ignoredHints.push({ hint, reason: match.reason, stale: match.stale })
  }
  const resolve = async (suspects: readonly SuspectedRename[]) => {
    for (const suspect of suspects) {
      if (input.ask === undefined) unresolved.push(suspect)
      else if (await input.ask(suspect)) decide({ kind: suspect.kind, table: suspect.table, from: suspect.from, to: suspect.to, ...(suspect.toSchema !== undefined && { toSchema: suspect.toSchema }) })
    }
  }

  for (const hint of hints.filter((h) => h.kind === 'table')) fromHint(hint, matchTableHint(model, desired, hint))
  await resolve(detectTableRenames(model, desired, { enumValuesOnType: capabilities.enumTypes }))
  const tableRenames = [...renames]
  // A column dropped here whose name a stated rename takes is dropped first, right after the table renames.
  const freeing: Operation[] = []
  for (const hint of hints.filter((h) => h.kind === 'column')) {
    const freed = tableFreedBy(model, desired, hint, tableRenames, hints)
    if (freed !== undefined) {
      const drops = freeColumnName(model, freed, hint.to, capabilities)
      freeing.push(...drops)
      model = applyOperations(model, drops)
    }
    fromHint(hint, matchColumnHint(model, desired, hint, tableRenames))
  }
  for (const wanted of desired.tables) {
    const found = model.tables.find((t) => sameName(t, wanted))
    if (found !== undefined && capabilities.columnNamesIgnoreCase === true) caseOnlyRenames(found, wanted).forEach(decide)
    const current = model.tables.find((t) => sameName(t, wanted))
    if (current !== undefined) await resolve(detectColumnRenames(current, wanted, capabilities.typeFamilies))
  }
  for (const hint of input.labelHints ?? []) {
    const match = matchLabelHint(model, desired, hint, tableRenames, capabilities)
    if ('reason' in match) ignoredHints.push({ hint, reason: match.reason, stale: match.stale })
    else {
      renameOps.push(match.op)
      model = applyOperations(model, [match.op])
    }
  }

  const involved = new Set(renames.map((r) => qualifiedKey(r.kind === 'table' ? renamedTableName(r) : r.table)))
  const moves = renameOps.filter((op): op is OperationOf<'rename_table'> => op.kind === 'rename_table')
  const followUps = [...movedEnumTypes(actual, desired, moves), ...(input.keepDatabaseNames === true ? [] : followUpRenames(model, desired, involved, capabilities))]
  const rest = diffSchemas(applyOperations(model, followUps), desired, capabilities)
  const ops = afterTableRenames(orderOperations([...renameOps, ...followUps, ...rest], orderOptionsFor(capabilities)), freeing)
  return { ops, renames, unresolved, ignoredHints: withAlternativesSpent(ignoredHints, renames) }
}

/** renameOperation is the RENAME of a decision, carrying the table or column as `model` (the schema so far) has it. */
function renameOperation(decision: RenameDecision, model: SchemaModel): Operation {
  const { table, from, to } = decision
  const current = model.tables.find((t) => sameName(t, table))
  if (current === undefined) throw new Error(`planWithRenames: table "${table.name}" is not in the schema`)
  if (decision.kind === 'table') {
    return { kind: 'rename_table', from: table, to: renamedTableName(decision), table: current }
  }
  const column = current.columns.find((c) => c.name === from)
  if (column === undefined) throw new Error(`planWithRenames: column "${table.name}"."${from}" is not in the schema`)
  return { kind: 'rename_column', table, from, to, column }
}
