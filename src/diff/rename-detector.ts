import type { SchemaModel, TableModel } from '../model/schema-model'
import { compareText, nameOf, qualifiedKey } from '../model/qualified-name'
import { type ColumnComparison, columnChanges } from '../plan/column-change'
import { columnMatch } from './rename-compatibility'
import type { SuspectedRename } from './rename-types'

/**
 * detectTableRenames pairs each table only the database has with a table only the entities have, in the
 * same schema, when at least half of the larger one's columns are equal in both (same name, same
 * definition; enum type names aside, as they follow the table's name). Each table is in at most one pair,
 * best pairs first. Pure.
 */
export function detectTableRenames(actual: SchemaModel, desired: SchemaModel, comparison: ColumnComparison): SuspectedRename[] {
  const desiredKeys = new Set(desired.tables.map(qualifiedKey))
  const actualKeys = new Set(actual.tables.map(qualifiedKey))
  const removed = actual.tables.filter((t) => !desiredKeys.has(qualifiedKey(t)))
  const added = desired.tables.filter((t) => !actualKeys.has(qualifiedKey(t)))
  const candidates: Candidate[] = []
  for (const from of removed) {
    for (const to of added) {
      if (from.schema !== to.schema) continue
      const equal = equalColumns(from, to, comparison)
      const total = Math.max(from.columns.length, to.columns.length)
      if (equal === 0 || equal * 2 < total) continue
      candidates.push({
        suspect: { kind: 'table', table: nameOf(from), from: from.name, to: to.name, reasons: [`${equal} of ${total} columns equal`] },
        score: equal / total,
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
      candidates.push({ suspect: { kind: 'column', table, from: from.name, to: to.name, reasons: match.reasons }, score: match.score })
    })
  })
  return pairBest(candidates)
}

interface Candidate {
  readonly suspect: SuspectedRename
  readonly score: number
}

/** pairBest takes candidates best first, skipping any whose old or new name an earlier pair took. */
function pairBest(candidates: readonly Candidate[]): SuspectedRename[] {
  const sorted = [...candidates].sort(
    (a, b) => b.score - a.score || compareText(a.suspect.from, b.suspect.from) || compareText(a.suspect.to, b.suspect.to),
  )
  const usedFrom = new Set<string>()
  const usedTo = new Set<string>()
  const pairs: SuspectedRename[] = []
  for (const { suspect } of sorted) {
    // A table keeps its schema, and columns pair within one table: the schema and a name identify each side.
    const fromKey = `${suspect.table.schema ?? ''}\0${suspect.from}`
    const toKey = `${suspect.table.schema ?? ''}\0${suspect.to}`
    if (usedFrom.has(fromKey) || usedTo.has(toKey)) continue
    usedFrom.add(fromKey)
    usedTo.add(toKey)
    pairs.push(suspect)
  }
  return pairs.sort((a, b) => compareText(qualifiedKey(a.table), qualifiedKey(b.table)) || compareText(a.from, b.from))
}

function equalColumns(from: TableModel, to: TableModel, comparison: ColumnComparison): number {
  const byName = new Map(from.columns.map((c) => [c.name, c]))
  return to.columns.filter((c) => {
    const other = byName.get(c.name)
    return other !== undefined && columnChanges({ ...other, enumName: undefined }, { ...c, enumName: undefined }, comparison).length === 0
  }).length
}
