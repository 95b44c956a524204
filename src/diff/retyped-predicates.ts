import type { CheckModel, IndexModel, TableModel } from '../model/schema-model'
import { checkMentionsColumn, predicateMentionsColumn } from '../operations/rename-identifier'
import { type ColumnComparison, columnChanges } from '../plan/column-change'

/** RetypedPredicates says which matched index or check (database's, entities') is made again around its column's change. */
export interface RetypedPredicates {
  index(actual: IndexModel, desired: IndexModel): boolean
  check(actual: CheckModel, desired: CheckModel): boolean
}

/**
 * retypedPredicates: where the database writes the partial indexes and checks reading a column again from their
 * text when the column's type changes (ColumnComparison.retypeRewritesPredicates), such an index or check is
 * dropped before the change and created again after from the entities' text, also where that text means the same
 * as the database's. Going to, from or between enum types, the database would refuse to, as the text's constants
 * keep the old type (`state <> 'closed'::text` beside an enum); on any other change it writes them in its own
 * words with casts from the old type, which going back leaves changed. One whose text is the database's own (left
 * to the database: `synchronize: false`) would fail again when created beside an enum: it is left standing, and
 * INDEX_PREDICATE_OLD_TYPE says so.
 */
export function retypedPredicates(actual: TableModel, desired: TableModel, comparison: ColumnComparison): RetypedPredicates {
  const theirs = new Map(actual.columns.map((c) => [c.name, c]))
  const retyped = comparison.retypeRewritesPredicates !== true ? [] : desired.columns.filter((c) => {
    const was = theirs.get(c.name)
    return was !== undefined && columnChanges(was, c, comparison).includes('type')
  }).map((c) => c.name)
  return {
    index: (was, wanted) => wanted.where !== undefined && (wanted.whereSql ?? wanted.where) !== (was.whereSql ?? was.where)
      && retyped.some((column) => predicateMentionsColumn(wanted, column)),
    check: (was, wanted) => (wanted.expressionSql ?? wanted.expression) !== (was.expressionSql ?? was.expression)
      && retyped.some((column) => checkMentionsColumn(wanted, column)),
  }
}
