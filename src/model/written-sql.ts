import type { CheckModel, ColumnModel, ComputedColumn, ExclusionModel, IndexModel, ViewModel } from './schema-model'

// Compilers write these; the diff compares the canonical fields. A model built without the text to write
// (a test's, or one from before a dialect kept it) writes its canonical form.

/** writtenDefault is the text of a column's default to write into SQL, undefined when it has none. */
export function writtenDefault(column: ColumnModel): string | undefined {
  return column.default === undefined ? undefined : (column.defaultSql ?? column.default)
}

/** writtenComputed is the text of a computed column's expression to write into SQL. */
export function writtenComputed(computed: ComputedColumn): string {
  return computed.expressionSql ?? computed.expression
}

/** writtenCheck is the text of a CHECK's expression to write into SQL. */
export function writtenCheck(check: CheckModel): string {
  return check.expressionSql ?? check.expression
}

/** writtenExclusion is the text of an exclusion constraint to write after `EXCLUDE`. */
export function writtenExclusion(exclusion: ExclusionModel): string {
  return exclusion.definitionSql ?? exclusion.definition
}

/** writtenWhere is the text of an index predicate to write into SQL, undefined for a full index. */
export function writtenWhere(index: IndexModel): string | undefined {
  return index.where === undefined ? undefined : (index.whereSql ?? index.where)
}

/** writtenDefinition is the SELECT of a view to write into CREATE VIEW. */
export function writtenDefinition(view: ViewModel): string {
  return view.definitionSql ?? view.definition
}
