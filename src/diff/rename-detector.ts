import type { ColumnModel, SchemaModel, TableModel } from '../model/schema-model'
import { compareText, nameOf, qualifiedKey } from '../model/qualified-name'
import { type ColumnComparison, columnChanges } from '../plan/column-change'
import { columnMatch } from './rename-compatibility'
import type { SuspectedRename } from './rename-types'

/**
 * detectTableRenames pairs each table only the database has with a table only the entities have when at
 * least half of the larger one's columns are equal in both (same name, same definition; enum type names
 * aside, as they follow the table's name). A pair across two schemas is a table moved there (renamed or
 * not); at an equal score a pair within one schema goes first. Each table is in at most one pair, best
 * pairs first. Pure.
 */
export function detectTableRenames(actual: SchemaModel, desired: SchemaModel, comparison: ColumnComparison): SuspectedRename[] {
  const desiredKeys = new Set(desired.tables.map(qualifiedKey))
  const actualKeys = new Set(actual.tables.map(qualifiedKey))
  const removed = actual.tables.filter((t) => !desiredKeys.has(qualifiedKey(t)))
  const added = desired.tables.filter((t) => !actualKeys.has(qualifiedKey(t)))
  const candidates: Candidate[] = []
  const equalColumns = equalColumnCounter(comparison)
  for (const from of removed) {
    for (const to of added) {
      const equal = equalColumns(from, to)
      const total = Math.max(from.columns.length, to.columns.length)
      if (equal === 0 || equal * 2 < total) continue
      const move = from.schema !== to.schema && to.schema !== undefined ? { toSchema: to.schema } : {}
      candidates.push({
        from: qualifiedKey(from), to: qualifiedKey(to), score: equal / total, sameSchema: !('toSchema' in move),
        suspect: () => ({ kind: 'table', table: nameOf(from), from: from.name, to: to.name, ...move, reasons: [`${equal} of ${total} columns equal`] }),
      })
    }
  }
  return pairBest(candidates)
}

/**
 * detectColumnRenames pairs each column only `actual` has with a column only `desired` has (the same table,
 * named as the entities name it) when their definitions are compatible (see columnMatch; `typeFamilies` are
 * the dialect's). Each column is in
 * at most one pair, best pairs first. Pure.
 */
export function detectColumnRenames(
  actual: TableModel,
  desired: TableModel,
  typeFamilies: readonly (readonly string[])[],
): SuspectedRename[] {
  const desiredNames = new Set(desired.columns.map((c) => c.name))
  const actualNames = new Set(actual.columns.map((c) => c.name))
  const table = nameOf(desired)
  const candidates: Candidate[] = []
  actual.columns.forEach((from, fromPosition) => {
    if (desiredNames.has(from.name)) return
    desired.columns.forEach((to, toPosition) => {
      if (actualNames.has(to.name)) return
      const match = columnMatch(from, to, fromPosition === toPosition, typeFamilies)
      if (match === undefined) return
      const suspect: SuspectedRename = { kind: 'column', table, from: from.name, to: to.name, reasons: match.reasons }
      candidates.push({ from: from.name, to: to.name, score: match.score, sameSchema: true, suspect: () => suspect })
    })
  })
  return pairBest(candidates)
}

/**
 * Candidate is a possible pair, `from` and `to` identifying each side (a table by its qualified key, a column
 * by its name), its suspect made only once chosen (a thousand renamed tables weigh a million pairs).
 */
interface Candidate {
  readonly from: string
  readonly to: string
  readonly score: number
  readonly sameSchema: boolean
  readonly suspect: () => SuspectedRename
}

/** pairBest takes candidates best first, skipping any whose old or new name an earlier pair took. */
function pairBest(candidates: readonly Candidate[]): SuspectedRename[] {
  const sorted = [...candidates].sort(
    (a, b) => b.score - a.score || Number(b.sameSchema) - Number(a.sameSchema) || compareText(a.from, b.from) || compareText(a.to, b.to),
  )
  const usedFrom = new Set<string>()
  const usedTo = new Set<string>()
  const pairs: SuspectedRename[] = []
  for (const candidate of sorted) {
    if (usedFrom.has(candidate.from) || usedTo.has(candidate.to)) continue
    usedFrom.add(candidate.from)
    usedTo.add(candidate.to)
    pairs.push(candidate.suspect())
  }
  return pairs.sort((a, b) => compareText(qualifiedKey(a.table), qualifiedKey(b.table)) || compareText(a.from, b.from))
}

/**
 * equalColumnCounter counts the columns two tables have equal (same name, same definition, enum type names
 * aside). Each pair of distinct definitions is compared once: a project renaming its 1,000 tables has a
 * million pairs of tables to weigh, whose columns repeat a few definitions.
 */
function equalColumnCounter(comparison: ColumnComparison): (from: TableModel, to: TableModel) => number {
  const definitionIds = new Map<string, number>()
  const definitions: ColumnModel[] = []
  const idOf = (column: ColumnModel): number => {
    const definition = { ...column, enumName: undefined }
    const key = JSON.stringify(definition)
    let id = definitionIds.get(key)
    if (id === undefined) {
      definitionIds.set(key, (id = definitions.length))
      definitions.push(definition)
    }
    return id
  }
  const idsOf = new Map<TableModel, Map<string, number>>()
  const columnIds = (table: TableModel) => {
    let ids = idsOf.get(table)
    if (ids === undefined) idsOf.set(table, (ids = new Map(table.columns.map((c) => [c.name, idOf(c)]))))
    return ids
  }
  const equalByIds = new Map<number, boolean>()
  const same = (a: number, b: number): boolean => {
    const key = a * 0x100000 + b
    let equal = equalByIds.get(key)
    if (equal === undefined) equalByIds.set(key, (equal = columnChanges(definitions[a]!, definitions[b]!, comparison).length === 0))
    return equal
  }
  return (from, to) => {
    const fromIds = columnIds(from)
    let equal = 0
    for (const [name, id] of columnIds(to)) {
      const other = fromIds.get(name)
      if (other !== undefined && same(other, id)) equal += 1
    }
    return equal
  }
}
