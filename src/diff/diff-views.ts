import type { DialectCapabilities } from '../dialect/dialect'
import { nameOf, qualifiedKey } from '../model/qualified-name'
import type { ViewColumn, ViewModel } from '../model/schema-model'
import { sameViewDefinition } from '../model/same-view-definition'
import { diffIndexes, type IndexOperation } from './diff-indexes'
import { matchBy } from './match-by'

/** ViewChanges are what the entities' views want of the database's. */
export interface ViewChanges {
  /** Views the entities declare and the database lacks. */
  readonly created: readonly ViewModel[]
  /** Views whose definition changes and that must be dropped and created again: [database's, entities']. */
  readonly recreated: readonly (readonly [ViewModel, ViewModel])[]
  /** Views whose definition changes in place (`CREATE OR REPLACE VIEW`): [database's, entities']. */
  readonly replaced: readonly (readonly [ViewModel, ViewModel])[]
  /** The index drops and creations of the materialized views that stay as they are (`drop_index`, `create_index` on the view). */
  readonly indexes: readonly IndexOperation[]
}

/**
 * diffViews compares views by definition and kind, and a materialized view that stays by its indexes, as a
 * table's are compared (an index that differs only in its name keeps the database's name). A view the
 * database has and the entities do not declare is left alone (reporting views, views of other applications):
 * the diff never drops it, nor its indexes. A changed view is replaced in place where the dialect can and its
 * columns stay the same (so that `down` can replace it back); otherwise it is dropped and created again. Pure.
 */
export function diffViews(actual: readonly ViewModel[], desired: readonly ViewModel[], capabilities: DialectCapabilities): ViewChanges {
  const matched = matchBy(actual, desired, qualifiedKey)
  const recreated: [ViewModel, ViewModel][] = []
  const replaced: [ViewModel, ViewModel][] = []
  const indexes: IndexOperation[] = []
  for (const { actual: from, desired: to } of matched.both) {
    if (sameViewDefinition(from, to)) {
      if (to.materialized === true) {
        indexes.push(...diffIndexes(nameOf(to), from.indexes ?? [], to.indexes ?? [], false).map((op) => ({ ...op, onMaterializedView: true as const })))
      }
      continue
    }
    const inPlace = capabilities.replacesViews === true && from.materialized !== true && to.materialized !== true && sameColumns(from.columns, to.columns)
    ;(inPlace ? replaced : recreated).push([from, to])
  }
  return { created: matched.added, recreated, replaced, indexes }
}

function sameColumns(a: readonly ViewColumn[] | undefined, b: readonly ViewColumn[] | undefined): boolean {
  if (a === undefined || b === undefined || a.length !== b.length) return false
  return a.every((c, i) => c.name === b[i].name && c.type === b[i].type)
}
