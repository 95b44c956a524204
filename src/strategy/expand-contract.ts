import type { DialectCapabilities } from '../dialect/dialect'
import { diffSchemas } from '../diff/diff-schemas'
import { qualifiedKey, sameName } from '../model/qualified-name'
import type { QualifiedName, SchemaModel, TableModel } from '../model/schema-model'
import { applyOperations } from '../operations/apply'
import { changeSetOf } from '../plan/change-set'
import type { AlterColumn, Operation } from '../operations/operation'
import { contractSteps, expandSteps } from './column-steps'
import { type Dependent, createDependent, dependentName, dependentsOf, dropDependent, touchesDependent } from './dependents'
import { type MoveOptions, type MovedColumn, findMovedColumns, tableIn } from './moved-column'

/**
 * ExpandContract is one change split in two migrations. `expand` adds the new columns next to the old ones
 * and copies the values, with every other operation of the change; `contract`, run once no code reads the
 * old columns, drops them and finishes the new ones. `contract` is empty when nothing was worth splitting
 * (then `expand` is the change as it was).
 */
export interface ExpandContract {
  readonly expand: readonly Operation[]
  readonly contract: readonly Operation[]
  readonly moved: readonly MovedColumn[]
  /** Renames and risky type changes carried out in place in `expand` anyway, each saying why. */
  readonly keptInPlace: readonly string[]
  /** Contract's renames of temporary columns to the column's name (no application code knows the temporary name). */
  readonly temporaryRenames: readonly Operation[]
}

interface TableGroup {
  readonly table: QualifiedName
  readonly oldNames: string[]
  readonly newNames: string[]
  /** Names of columns whose type changes: indexes and checks on them can only come back after contract. */
  readonly retyped: string[]
}

/**
 * splitExpandContract splits a direct migration's operations (`ops`, in order, from `before`) into expand and
 * contract: each renamed column and each type change `isRisky` picks moves into a new column (see
 * findMovedColumns for those that cannot and stay in place). Indexes, uniques and checks naming a moved
 * column are dropped in contract with the old column and created for the new one, in expand where the new
 * column has its name already, else in contract. Pure: the state after expand is
 * `applyOperations(before, expand)` and contract starts there.
 */
export function splitExpandContract(ops: readonly Operation[], before: SchemaModel, isRisky: (op: AlterColumn) => boolean, options: MoveOptions = {}): ExpandContract {
  const changes = changeSetOf(before, ops)
  const { moved, keptInPlace } = findMovedColumns(changes, isRisky, options)
  if (moved.length === 0) return { expand: [...ops], contract: [], moved, keptInPlace, temporaryRenames: [] }
  const groups = groupByTable(moved)
  const target = changes.schemaAt(ops.length)
  const replaced = new Set(moved.flatMap((m) => m.replaces))
  const kept = ops.filter((op) => !replaced.has(op) && !groups.some((g) => touchesDependent(op, g.table, [...g.oldNames, ...g.newNames])))
  // An enum type the old column still uses is dropped only after the column.
  const keptState = applyOperations(before, kept)
  const lateDrops = kept.filter((op) => op.kind === 'drop_enum' && usesEnum(keptState, moved, op.enumType))
  const expand = kept.filter((op) => !lateDrops.includes(op))

  let state = applyOperations(before, expand)
  for (const column of moved) {
    const steps = expandSteps(column, state)
    expand.push(...steps)
    state = applyOperations(state, steps)
  }
  const oldDependents = groups.map((g) => ({ group: g, items: dependentsOf(tableIn(state, g.table)!, g.oldNames) }))
  const newDependents = groups.map((g) => ({ group: g, items: dependentsOf(tableIn(target, g.table)!, g.newNames) }))
  const taken = takenNames(state)
  const inExpand = (g: TableGroup, d: Dependent) => !taken.has(`${g.table.schema ?? ''}\0${dependentName(d)}`) && !mentionsRetyped(g, d)
  for (const { group, items } of newDependents) expand.push(...items.filter((d) => inExpand(group, d)).map((d) => createDependent(group.table, d)))

  const contract = finishMoves(moved, oldDependents, applyOperations(before, expand))
  for (const { group, items } of newDependents) contract.push(...items.filter((d) => !inExpand(group, d)).map((d) => createDependent(group.table, d)))
  contract.push(...lateDrops)
  return { expand, contract, moved, keptInPlace, temporaryRenames: contract.filter((op) => op.kind === 'rename_column') }
}

/**
 * contractOperations plan the contract migration of what expand moved, from the database after expand
 * (`actual`, holding old and new columns) to the entities (`desired`): drop what names the old columns,
 * finish each moved column (see contractSteps), then whatever else the two still differ in.
 */
export function contractOperations(
  moved: readonly MovedColumn[],
  actual: SchemaModel,
  desired: SchemaModel,
  capabilities: DialectCapabilities,
): Pick<ExpandContract, 'contract' | 'temporaryRenames'> {
  const oldDependents = groupByTable(moved).map((g) => ({ group: g, items: dependentsOf(tableIn(actual, g.table)!, g.oldNames) }))
  const finished = finishMoves(moved, oldDependents, actual)
  const contract = [...finished, ...diffSchemas(applyOperations(actual, finished), desired, capabilities)]
  return { contract, temporaryRenames: finished.filter((op) => op.kind === 'rename_column') }
}

/** finishMoves drops the old columns' dependents, then finishes each moved column, from `state`. */
function finishMoves(
  moved: readonly MovedColumn[],
  oldDependents: readonly { group: TableGroup; items: readonly Dependent[] }[],
  state: SchemaModel,
): Operation[] {
  const contract: Operation[] = oldDependents.flatMap(({ group, items }) => items.map((d) => dropDependent(group.table, d)))
  let current = applyOperations(state, contract)
  for (const column of moved) {
    const steps = contractSteps(column, current)
    contract.push(...steps)
    current = applyOperations(current, steps)
  }
  return contract
}

function groupByTable(moved: readonly MovedColumn[]): TableGroup[] {
  const groups = new Map<string, TableGroup>()
  for (const m of moved) {
    const key = qualifiedKey(m.table)
    const group = groups.get(key) ?? { table: m.table, oldNames: [], newNames: [], retyped: [] }
    groups.set(key, group)
    group.oldNames.push(m.oldName)
    group.newNames.push(m.wanted.name)
    if (m.kind === 'type_change') group.retyped.push(m.wanted.name)
  }
  return [...groups.values()]
}

function mentionsRetyped(group: TableGroup, dependent: Dependent): boolean {
  return group.retyped.length > 0 && dependentsOf(dependentTable(dependent), group.retyped).length > 0
}

/** dependentTable wraps one dependent in a table of its own, to ask dependentsOf about it. */
function dependentTable(dependent: Dependent): TableModel {
  return {
    name: '', columns: [],
    indexes: dependent.kind === 'index' ? [dependent.index] : [],
    uniques: dependent.kind === 'unique' ? [dependent.unique] : [],
    foreignKeys: [],
    checks: dependent.kind === 'check' ? [dependent.check] : [],
  }
}

function usesEnum(state: SchemaModel, moved: readonly MovedColumn[], enumType: QualifiedName): boolean {
  return moved.some((m) => {
    const old = tableIn(state, m.table)?.columns.find((c) => c.name === m.oldName)
    return old?.enumName !== undefined && sameName({ schema: m.table.schema, name: old.enumName }, enumType)
  })
}

/** takenNames are the table, index and constraint names of each schema, as `schema\0name` (PostgreSQL shares one namespace among many). */
function takenNames(model: SchemaModel): Set<string> {
  const names = new Set<string>()
  for (const t of model.tables) {
    const schema = t.schema ?? ''
    for (const name of [t.name, t.primaryKey?.name, ...[...t.indexes, ...t.uniques, ...t.foreignKeys, ...t.checks].map((x) => x.name)]) {
      if (name !== undefined) names.add(`${schema}\0${name}`)
    }
  }
  return names
}
