import type { ColumnModel, TableModel } from '../../model/schema-model'
import { writtenDefault } from '../../model/written-sql'
import type { Operation, OperationKind, OperationOf } from '../../operations/operation'
import { columnSql, createIndexSql, createTableSql, isConstantDefault } from './sqlite-column-sql'
import type { StatementPiece } from '../statement'
import { quoteIdent } from './sqlite-quote'
import { mentionsName } from './sqlite-sql-text'
import { createViewSql, dropViewSql } from './sqlite-view-sql'

type InPlaceCompiler<K extends OperationKind> = (op: OperationOf<K>) => readonly StatementPiece[]

const unsupported = (op: Operation): never => {
  throw new Error(`sqlite: unsupported operation ${op.kind}`)
}
const rebuildOnly = (op: Operation): never => {
  throw new Error(`sqlite: ${op.kind} needs a table rebuild and reached the in-place compiler`)
}

/**
 * alwaysRebuilt are the kinds ALTER TABLE cannot carry out (https://sqlite.org/lang_altertable.html): a column's
 * definition, the constraints, whose names too live in the table's CREATE TABLE text, and `WITHOUT ROWID`.
 */
const alwaysRebuilt: ReadonlySet<OperationKind> = new Set<OperationKind>([
  'alter_column', 'add_primary_key', 'drop_primary_key', 'add_unique', 'drop_unique',
  'add_foreign_key', 'drop_foreign_key', 'alter_foreign_key', 'add_check', 'drop_check', 'rename_constraint', 'alter_table_options',
  'rename_column_label',
])

/**
 * needsRebuild says whether SQLite cannot carry `op` out in place on `table` (its table just before it), so
 * that the table must be rebuilt: see alwaysRebuilt; columns are added and dropped in place within limits. An
 * ADD COLUMN puts its column last: one that stands elsewhere in `after` (the table just after `op`: in a `down`,
 * the table as it was before `up` dropped the column) is put there by a rebuild.
 */
export function needsRebuild(op: Operation, table: TableModel | undefined, after: TableModel | undefined): boolean {
  if (op.kind === 'add_column') return !canAddInPlace(op.column) || after?.columns.at(-1)?.name !== op.column.name
  if (op.kind !== 'drop_column') return alwaysRebuilt.has(op.kind)
  if (table === undefined) throw new Error(`sqlite: table "${op.table.name}" is not in the schema the operations start from`)
  return !canDropInPlace(table, op.column.name)
}

/**
 * inPlaceCompilers say, for every operation kind, how SQLite runs it in place (see needsRebuild for those
 * that cannot be). Namespaces, extensions and enum types do not exist in SQLite.
 */
const inPlaceCompilers: { readonly [K in OperationKind]: InPlaceCompiler<K> } = {
  create_schema: unsupported,
  drop_schema: unsupported,
  create_extension: unsupported,
  drop_extension: unsupported,
  create_enum: unsupported,
  drop_enum: unsupported,
  alter_enum: unsupported,
  rename_enum: unsupported,
  rename_enum_label: unsupported,
  rename_column_label: rebuildOnly,
  create_table: (op) => [createTableSql(op.table), ...op.table.indexes.map((i) => createIndexSql(op.table.name, i))],
  drop_table: (op) => [`DROP TABLE ${quoteIdent(op.table.name)}`],
  rename_table: (op) => [`ALTER TABLE ${quoteIdent(op.from.name)} RENAME TO ${quoteIdent(op.to.name)}`],
  alter_table_comment: () => [],
  alter_table_options: rebuildOnly,
  add_column: (op) => [`ALTER TABLE ${quoteIdent(op.table.name)} ADD COLUMN ${columnSql(op.table.name, op.column, false)}`],
  drop_column: (op) => [`ALTER TABLE ${quoteIdent(op.table.name)} DROP COLUMN ${quoteIdent(op.column.name)}`],
  alter_column: rebuildOnly,
  rename_column: (op) => [`ALTER TABLE ${quoteIdent(op.table.name)} RENAME COLUMN ${quoteIdent(op.from)} TO ${quoteIdent(op.to)}`],
  // A plain assignment: the target column's type affinity converts the value as it is stored.
  copy_column: (op) => [
    `UPDATE ${quoteIdent(op.table.name)} SET ${quoteIdent(op.to.name)} = ${quoteIdent(op.from.name)}` +
      (op.rows === 'empty' ? ` WHERE ${quoteIdent(op.to.name)} IS NULL` : ''),
  ],
  add_primary_key: rebuildOnly,
  drop_primary_key: rebuildOnly,
  create_index: (op) => [createIndexSql(op.table.name, op.index)],
  drop_index: (op) => [`DROP INDEX ${quoteIdent(op.index.name)}`],
  // SQLite cannot rename an index: it is dropped and created again under the new name.
  rename_index: (op) => [`DROP INDEX ${quoteIdent(op.from)}`, createIndexSql(op.table.name, { ...op.index, name: op.to })],
  add_unique: rebuildOnly,
  drop_unique: rebuildOnly,
  add_foreign_key: rebuildOnly,
  drop_foreign_key: rebuildOnly,
  alter_foreign_key: rebuildOnly,
  add_check: rebuildOnly,
  drop_check: rebuildOnly,
  add_exclusion: unsupported,
  drop_exclusion: unsupported,
  rename_constraint: rebuildOnly,
  create_view: (op) => [createViewSql(op.view)],
  drop_view: (op) => [dropViewSql(op.view)],
  // Never planned: SQLite has no CREATE OR REPLACE VIEW (capabilities.replacesViews is off).
  replace_view: unsupported,
}

/** inPlaceSql runs one operation through inPlaceCompilers. */
export function inPlaceSql(op: Operation): readonly StatementPiece[] {
  return (inPlaceCompilers[op.kind] as (op: Operation) => readonly StatementPiece[])(op)
}

/**
 * canAddInPlace follows the limits of ALTER TABLE ADD COLUMN (https://sqlite.org/lang_altertable.html):
 * no key, no generated or computed value, a constant default, NOT NULL only with a default. Keys, uniques
 * and foreign keys arrive as their own operations, which rebuild the table anyway.
 */
function canAddInPlace(column: ColumnModel): boolean {
  if (column.generated || column.computed) return false
  const value = writtenDefault(column)
  if (value !== undefined && !isConstantDefault(value)) return false
  return column.nullable || column.default !== undefined
}

/** canDropInPlace follows the limits of ALTER TABLE DROP COLUMN: nothing on the table may use the column. */
function canDropInPlace(table: TableModel, column: string): boolean {
  const own = table.columns.find((c) => c.name === column)
  if (!own || own.computed || own.generated) return false
  const inList = (names: readonly string[] | undefined) => (names ?? []).includes(column)
  return (
    !inList(table.primaryKey?.columns) &&
    !table.uniques.some((u) => inList(u.columns)) &&
    !table.foreignKeys.some((f) => inList(f.columns)) &&
    !table.indexes.some((i) => i.columns.some((k) => k === column || (k.includes('(') && mentionsName(k, column))) || (i.where !== undefined && mentionsName(i.where, column))) &&
    !table.checks.some((c) => mentionsName(c.expression, column)) &&
    !table.columns.some((c) => c.computed !== undefined && mentionsName(c.computed.expression, column))
  )
}
