import type { TypeLimits } from '../dialect/dialect'
import type { Probe } from '../dialect/probe'
import { quoteDoubled } from '../dialect/quote'
import { sameColumnList } from '../model/column-lists'
import { nameOf, referencedTableOf, sameName } from '../model/qualified-name'
import type { ColumnModel, QualifiedName, TableModel } from '../model/schema-model'
import type { AddForeignKey } from '../operations/operation'
import { textRulesOf } from './text-rules'
import type { HazardFinding } from './hazard-finding'
import { columnsText, tableText } from './hazard-names'
import { givesRowsAValue, implicitlyFilled } from './new-column-values'
import { type RuleContext, eachOp } from './rule-context'

/**
 * addForeignKeyFindings: ADD_FOREIGN_KEY for a foreign key added on columns that hold values already (the table
 * and the columns exist before the migration), unless a foreign key on those columns referenced the same
 * columns of the same table before: every row whose values are all non-null must match a row of the referenced
 * table, or the migration fails. Counts the rows that match none; where the migration creates the referenced
 * table or columns, every row with a value. A key on columns the migration adds to a table that has rows is
 * checked against the values those rows take (see newColumnsFinding).
 */
export function addForeignKeyFindings(context: RuleContext): HazardFinding[] {
  return eachOp(context, 'add_foreign_key', (op, index) => {
    const { foreignKey } = op
    const columns = foreignKey.columns.map((c) => context.origins.column(index, op.table, c))
    if (columns.length === 0) return []
    if (!columns.every(isDefined)) return newColumnsFinding(context, op, index, columns)
    const table = columns[0]!.table
    const referencedName = referencedTableOf(foreignKey)
    const referenced = foreignKey.referencedColumns.map((c) => context.origins.column(index, referencedName, c))
    const columnNames = columns.map((c) => c.column.name)
    const referencedColumns = referenced.every(isDefined) ? referenced : undefined
    if (referencedColumns !== undefined && alreadyReferenced(table, columnNames, referencedColumns[0]!.table, referencedColumns.map((c) => c.column.name))) return []
    const target = tableText(referencedName)
    return [{
      code: 'ADD_FOREIGN_KEY', operation: op,
      what: `Adds foreign key ${quoteDoubled(foreignKey.name)} on ${tableText(op.table)} ${columnsText(foreignKey.columns)} -> ${target}, ` +
        `which fails while a row's values match no row of ${target}${referencedColumns === undefined ? ', which this migration creates' : ''}`,
      advice: 'point those rows at existing rows, or set their values to NULL, first',
      ...withProbe(unmatchedProbe(table, columns.map((c) => c.column), referencedColumns, referencedName, context.input.dialect.capabilities.typeLimits)),
    }]
  })
}

const isDefined = <T>(value: T | undefined): value is T => value !== undefined

/**
 * newColumnsFinding: ADD_FOREIGN_KEY for a key on columns the migration adds to a table that exists, where each
 * new column gives the rows there a value (a default, a generated one, or its type's implicit default, see
 * implicitlyFilled): every row takes it, and the key fails unless a row of the referenced table matches. Counts
 * the table's rows. A new column without a default leaves them NULL, which the key does not check (or fails its
 * own NOT NULL first: ADD_NOT_NULL_WITHOUT_DEFAULT).
 * `origins` are the key's columns as the database has them now, undefined for those the migration adds.
 */
function newColumnsFinding(context: RuleContext, op: AddForeignKey, index: number, origins: readonly unknown[]): HazardFinding[] {
  const existing = context.origins.table(index, op.table)
  const now = context.input.changes.tableBefore(index)
  if (existing === undefined || now === undefined) return []
  const added = op.foreignKey.columns
    .filter((_, i) => origins[i] === undefined)
    .map((c) => now.columns.find((column) => column.name === c))
  const filled = (c: ColumnModel) => givesRowsAValue(c) || implicitlyFilled(c, context.input.dialect.capabilities)
  if (!added.every(isDefined) || !added.every(filled)) return []
  const target = tableText(referencedTableOf(op.foreignKey))
  const valueOf = (c: ColumnModel) => (c.generated !== undefined ? 'a generated value' : c.default ?? "its type's implicit default")
  const values = added.map((c) => `${quoteDoubled(c.name)} = ${valueOf(c)}`).join(', ')
  return [{
    code: 'ADD_FOREIGN_KEY', operation: op,
    what: `Adds foreign key ${quoteDoubled(op.foreignKey.name)} on ${tableText(op.table)} ${columnsText(op.foreignKey.columns)} -> ${target}, ` +
      `on ${added.length === 1 ? 'a column' : 'columns'} this migration adds: every row of ${tableText(op.table)} takes ${values}, which fails unless a row of ${target} matches`,
    advice: 'make sure the row it references exists first, or add the column nullable, fill it, and add the key in a later migration',
    probe: { kind: 'rows', table: nameOf(existing) },
  }]
}

/** alreadyReferenced says whether `table` had a foreign key from `columns` to the same columns of `referenced`. */
function alreadyReferenced(table: TableModel, columns: readonly string[], referenced: TableModel, referencedColumns: readonly string[]): boolean {
  return table.foreignKeys.some((fk) =>
    sameColumnList(fk.columns, columns) && sameColumnList(fk.referencedColumns, referencedColumns) &&
    sameName(referencedTableOf(fk), nameOf(referenced)))
}

/**
 * unmatchedProbe counts the rows of `table` whose values match no referenced row. Values are compared only
 * where each column and the column it references have one type (and collation): comparing others may fail,
 * and fail every count of the run. Without referenced columns (the migration creates them), a single-column
 * key counts the rows with a value. The count reads the referenced table under its name now; `referencedName`,
 * the foreign key's, names it in the text where the migration renames it.
 */
export function unmatchedProbe(
  table: TableModel,
  columns: readonly ColumnModel[],
  referenced: readonly { readonly table: TableModel; readonly column: ColumnModel }[] | undefined,
  referencedName: QualifiedName,
  limits: TypeLimits,
): Probe | undefined {
  if (referenced === undefined) return columns.length === 1 ? { kind: 'non_null', table: nameOf(table), column: columns[0]!.name } : undefined
  const comparable = columns.every((c, i) => sameValues({ table, column: c }, referenced[i]!, limits))
  if (!comparable) return undefined
  const referencedTable = nameOf(referenced[0]!.table)
  return {
    kind: 'unmatched', table: nameOf(table), columns: columns.map((c) => c.name),
    referencedTable, referencedColumns: referenced.map((r) => r.column.name),
    ...(!sameName(referencedTable, referencedName) && { named: referencedName }),
  }
}

/**
 * sameValues: one type, and one character set and collation as the columns' values compare (textRulesOf), so
 * that two columns on the defaults of tables with other collations are not compared, which fails with "Illegal
 * mix of collations".
 */
function sameValues(a: { readonly table: TableModel; readonly column: ColumnModel }, b: { readonly table: TableModel; readonly column: ColumnModel }, limits: TypeLimits): boolean {
  const [rulesOfA, rulesOfB] = [textRulesOf(a.table, a.column, limits), textRulesOf(b.table, b.column, limits)]
  return a.column.type === b.column.type && (a.column.isArray ?? false) === (b.column.isArray ?? false)
    && rulesOfA.charset === rulesOfB.charset && rulesOfA.collation === rulesOfB.collation
}

function withProbe(probe: Probe | undefined): { probe?: Probe } {
  return probe === undefined ? {} : { probe }
}
