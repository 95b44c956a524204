import type { Dialect, FormerTable } from '../dialect/dialect'
import { sameName } from '../model/qualified-name'
import type { IndexModel, SchemaModel, TableModel } from '../model/schema-model'
import type { SkippedIndex } from '../source/entity-metadata'

/** IndexesLeftAlone are the database's model and the entities' with the skipped indexes settled (see keepingSkippedIndexes). */
export interface IndexesLeftAlone {
  readonly actual: SchemaModel
  readonly desired: SchemaModel
}

/**
 * keepingSkippedIndexes leaves alone the indexes the entities declare but the model leaves out
 * (`synchronize: false`, spatial), so that the diff neither drops nor re-creates them: the database's index is
 * put on the entities' side as it stands. A change that takes it along is then followed by its creation again,
 * as for any index both sides have (PostgreSQL drops a column's indexes with it, as when a generated column's
 * expression changes). Where the entities' table lacks the table or a column of the index, it is left out of
 * both sides: the migration's drop takes it. A table renamed or moved by a stated rename keeps them: the
 * entities' table is the one `formerTable` says comes from the database's. The database's index is the declared
 * one where the database would take the declared name for its name: cut as it cuts long names (Dialect.storedName),
 * and with the case it gives a name written unquoted (DialectCapabilities.indexNameCase).
 */
export function keepingSkippedIndexes(
  actual: SchemaModel,
  desired: SchemaModel,
  skipped: readonly SkippedIndex[],
  formerTable: FormerTable,
  dialect: Pick<Dialect, 'capabilities' | 'storedName'>,
): IndexesLeftAlone {
  if (skipped.length === 0) return { actual, desired }
  const stored = (name: string) => dialect.storedName?.(name) ?? name
  const declared = skipped.map((s) => ({ table: stored(s.table), name: stored(s.name) }))
  const isSkipped = (table: TableModel, index: IndexModel) =>
    declared.some((s) => s.table === table.name && namesTheIndex(s.name, index.name, dialect.capabilities.indexNameCase))
  const kept = new Map<TableModel, IndexModel[]>()
  const tables = actual.tables.map((table) => {
    const wanted = desired.tables.find((t) => sameName(t, table)) ?? desired.tables.find((t) => {
      const former = formerTable(t)
      return former !== undefined && sameName(former, table)
    })
    const keeps = (index: IndexModel) => wanted !== undefined && index.columns.every((c) => wanted.columns.some((w) => w.name === c))
    const skippedHere = table.indexes.filter((index) => isSkipped(wanted ?? table, index))
    if (wanted !== undefined) kept.set(wanted, skippedHere.filter(keeps))
    return { ...table, indexes: table.indexes.filter((index) => !isSkipped(wanted ?? table, index) || keeps(index)) }
  })
  return {
    actual: { ...actual, tables },
    desired: { ...desired, tables: desired.tables.map((t) => (kept.get(t)?.length ? { ...t, indexes: [...t.indexes, ...kept.get(t)!] } : t)) },
  }
}

/** namesTheIndex says whether the database takes `declared`, as a hand-written statement may have written it, for the index it holds as `stored`. */
function namesTheIndex(declared: string, stored: string, indexNameCase: Dialect['capabilities']['indexNameCase']): boolean {
  if (declared === stored) return true
  if (indexNameCase === 'folds-unquoted') return declared.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()) === stored
  return indexNameCase === 'ignored' && declared.toLowerCase() === stored.toLowerCase()
}
