import { enumTypeKey } from '../model/enum-type-key'
import type { CheckModel, IndexModel, TableModel } from '../model/schema-model'
import { checkMentionsColumn, predicateMentionsColumn } from '../operations/rename-identifier'
import { type ColumnComparison, columnChanges } from '../plan/column-change'

/** RetypedPredicates says which matched index or check (database's, entities') is made again around its column's change. */
export interface RetypedPredicates {
  index(actual: IndexModel, desired: IndexModel): boolean
  check(actual: CheckModel, desired: CheckModel): boolean
}

/**
 * retypedPredicates: where enum types are named objects (ColumnComparison.enumValuesOnType), a column going to,
 * from or between them makes the database rebuild the partial indexes and checks reading it from their text,
 * whose constants keep the old type (`state <> 'closed'::text` beside an enum), which it refuses. Such an index
 * or check is dropped before the change and created again after from the entities' text, also where that text
 * means the same as the database's (the `::text` of a literal beside a text column is implicit). One whose text
 * is the database's own (left to the database: `synchronize: false`) would fail again when created: it is left
 * standing, and INDEX_PREDICATE_OLD_TYPE says so. Where the database writes them again on any change of type
 * (ColumnComparison.retypeRewritesPredicates), those reading a column of another type are made again too, so
 * that going back leaves the database's words as they were.
 */
export function retypedPredicates(actual: TableModel, desired: TableModel, comparison: ColumnComparison): RetypedPredicates {
  const theirs = new Map(actual.columns.map((c) => [c.name, c]))
  const retyped = desired.columns.filter((c) => {
    const was = theirs.get(c.name)
    if (was === undefined) return false
    if (comparison.enumValuesOnType && enumTypeKey(was) !== enumTypeKey(c)) return true
    return comparison.retypeRewritesPredicates === true && columnChanges(was, c, comparison).includes('type')
  }).map((c) => c.name)
  return {
    index: (was, wanted) => wanted.where !== undefined && (wanted.whereSql ?? wanted.where) !== (was.whereSql ?? was.where)
      && retyped.some((column) => predicateMentionsColumn(wanted, column)),
    check: (was, wanted) => (wanted.expressionSql ?? wanted.expression) !== (was.expressionSql ?? was.expression)
      && retyped.some((column) => checkMentionsColumn(wanted, column)),
  }
}
