import type { CheckModel, IndexModel, TableModel, UniqueModel } from '../../model/schema-model'
import type { AlterColumn } from '../../operations/operation'
import { checkMentionsColumn } from '../../operations/rename-identifier'

/**
 * switchesStorage: the operation turns a generated column from VIRTUAL to STORED or back, which neither MySQL
 * nor MariaDB does in place (MariaDB: "This is not yet supported for generated columns"): the column is dropped
 * and added again, its values computed again.
 */
export function switchesStorage(op: AlterColumn): boolean {
  const [from, to] = [op.from.computed, op.to.computed]
  return from !== undefined && to !== undefined && from.stored !== to.stored
}

/** DroppedWithColumn is what names a column and must go before it is dropped, and come back after it is added again. */
export interface DroppedWithColumn {
  readonly indexes: readonly IndexModel[]
  readonly uniques: readonly UniqueModel[]
  readonly checks: readonly CheckModel[]
}

/**
 * droppedWithColumn lists the indexes, unique keys and checks naming `column` that the table has both before
 * (`was`) and after (`then`) the column is dropped and added again, as `then` has them. Dropping a column drops
 * an index on it alone, but only shortens one over other columns too, and MariaDB and MySQL refuse it while a
 * check names it: each is dropped with the column and added again after. What the migration drops or adds
 * itself is left to its own operations; foreign keys to mysqlRelinkedForeignKeys.
 */
export function droppedWithColumn(was: TableModel, then: TableModel, column: string): DroppedWithColumn {
  const kept = <T extends { readonly name: string }>(mine: readonly T[], theirs: readonly T[], names: (x: T) => boolean) =>
    theirs.filter((x) => names(x) && mine.some((m) => m.name === x.name && names(m)))
  return {
    indexes: kept(was.indexes, then.indexes, (i) => i.columns.includes(column)),
    uniques: kept(was.uniques, then.uniques, (u) => u.columns.includes(column)),
    checks: kept(was.checks, then.checks, (c) => checkMentionsColumn(c, column)),
  }
}
