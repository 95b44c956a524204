import { quoteLiteral } from '../dialect/quote'
import { qualifiedKey } from '../model/qualified-name'
import type { QualifiedName } from '../model/schema-model'
import type { ColumnFacts, DeclaredFacts } from './declared-facts'

/** DeclaredFactChange is one column of the same table and name whose declared facts differ between two versions. */
export interface DeclaredFactChange {
  readonly table: QualifiedName
  readonly from: ColumnFacts
  readonly to: ColumnFacts
}

/**
 * declaredFactChanges lists the columns present in both `previous` and `current` whose facts differ, in
 * table then column order. Added, dropped and renamed columns are the diff's business, not this one's.
 */
export function declaredFactChanges(previous: DeclaredFacts, current: DeclaredFacts): readonly DeclaredFactChange[] {
  const before = new Map(previous.tables.map((t) => [qualifiedKey(t), new Map(t.columns.map((c) => [c.name, c]))]))
  const changes: DeclaredFactChange[] = []
  for (const table of current.tables) {
    const columns = before.get(qualifiedKey(table))
    for (const to of table.columns) {
      const from = columns?.get(to.name)
      if (from !== undefined && describeFactChange(from, to).length > 0) {
        changes.push({ table: table.schema === undefined ? { name: table.name } : { schema: table.schema, name: table.name }, from, to })
      }
    }
  }
  return changes
}

/** describeFactChange says what changed from `from` to `to`, one clause each (`changes from simple-array to simple-json`). */
export function describeFactChange(from: ColumnFacts, to: ColumnFacts): readonly string[] {
  const clauses: string[] = []
  if (from.type !== to.type) clauses.push(`changes from ${from.type} to ${to.type}`)
  const transformerFrom = transformerText(from)
  const transformerTo = transformerText(to)
  if (!from.transformer && to.transformer) clauses.push(`gains a transformer${transformerTo}`)
  else if (from.transformer && !to.transformer) clauses.push(`loses its transformer${transformerFrom}`)
  else if (transformerFrom !== transformerTo) {
    clauses.push(`changes its transformer from ${transformerFrom.trim() || 'an unnamed one'} to ${transformerTo.trim() || 'an unnamed one'}`)
  }
  clauses.push(...describeDiscriminatorChange(from, to), ...describeRemovedDiscriminators(from, to), ...describeTreeChange(from, to))
  for (const size of ['length', 'precision', 'scale'] as const) {
    const a = from[size]
    const b = to[size]
    if (a === b) continue
    if (a === undefined) clauses.push(`gains ${size} ${b}`)
    else if (b === undefined) clauses.push(`loses its ${size} ${a}`)
    else clauses.push(`changes its ${size} from ${a} to ${b}`)
  }
  return clauses
}

/**
 * describeDiscriminatorChange says which entities of a single-table inheritance write another value than before,
 * one clause each (`changes Photo's value from 'photo' to 'image'`); an entity added is the diff's business, one removed
 * describeRemovedDiscriminators'.
 */
export function describeDiscriminatorChange(from: ColumnFacts, to: ColumnFacts): string[] {
  const before = from.discriminatorValues ?? {}
  const after = to.discriminatorValues ?? {}
  return Object.keys(after)
    .filter((entity) => before[entity] !== undefined && before[entity] !== after[entity])
    .map((entity) => `changes ${entity}'s value from ${quoteLiteral(before[entity]!)} to ${quoteLiteral(after[entity]!)}`)
}

/**
 * describeRemovedDiscriminators says which entities of a single-table inheritance are gone while no entity writes
 * their value any more, one clause each (`loses Photo, which wrote 'photo'`): the rows holding it stay.
 */
export function describeRemovedDiscriminators(from: ColumnFacts, to: ColumnFacts): string[] {
  const before = from.discriminatorValues ?? {}
  const after = to.discriminatorValues ?? {}
  const written = new Set(Object.values(after))
  return Object.keys(before)
    .filter((entity) => after[entity] === undefined && !written.has(before[entity]!))
    .map((entity) => `loses ${entity}, which wrote ${quoteLiteral(before[entity]!)}`)
}

/** describeTreeChange says that a tree's parent column belongs to another kind of tree (`changes its tree from closure-table to nested-set`). */
export function describeTreeChange(from: ColumnFacts, to: ColumnFacts): string[] {
  return from.tree !== undefined && to.tree !== undefined && from.tree !== to.tree ? [`changes its tree from ${from.tree} to ${to.tree}`] : []
}

/**
 * withoutReading is `change` without the facts on how TypeORM reads the rows already written (discriminator
 * values, the kind of tree), which only their own notes are about.
 */
export function withoutReading(change: DeclaredFactChange): DeclaredFactChange {
  const { discriminatorValues: _values, tree: _tree, ...from } = change.from
  const { discriminatorValues: _newValues, tree: _newTree, ...to } = change.to
  return { ...change, from, to }
}

/** changesFormat says whether a change alters how values are written (type, transformer), not only their declared size. */
export function changesFormat(change: DeclaredFactChange): boolean {
  const { from, to } = change
  return from.type !== to.type || from.transformer !== to.transformer || transformerText(from) !== transformerText(to)
}

function transformerText(facts: ColumnFacts): string {
  if (!facts.transformer) return ''
  return facts.transformerNames === undefined ? '' : ` ${facts.transformerNames.join(', ')}`
}
