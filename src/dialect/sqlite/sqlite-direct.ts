import type { ColumnModel, IndexModel, QualifiedName, SchemaModel, TableModel } from '../../model/schema-model'
import { writtenDefault } from '../../model/written-sql'
import { sameName } from '../../model/qualified-name'
import type { Operation, OperationKind, OperationOf } from '../../operations/operation'
import { columnSql, createIndexSql, createTableSql, isConstantDefault } from './sqlite-column-sql'
import type { StatementPiece } from '../statement'
import { quoteIdent } from './sqlite-quote'
import { mentionsName } from './sqlite-sql-text'
import { createViewSql, dropViewSql } from './sqlite-view-sql'

/** REBUILD marks an operation SQLite cannot carry out in place: its table must be rebuilt. */
export const REBUILD = 'rebuild'

/** DirectSql is the statements of an operation run in place, or REBUILD. */
export type DirectSql = readonly StatementPiece[] | typeof REBUILD

type DirectCompiler<K extends OperationKind> = (op: OperationOf<K>, state: SchemaModel) => DirectSql

const unsupported = (op: Operation): never => {
  throw new Error(`sqlite: unsupported operation ${op.kind}`)
}
const rebuild = (): DirectSql => REBUILD

/**
 * directCompilers says, for every operation kind, how SQLite runs it in place on `state` (the schema just
 * before it), or that it needs a rebuild. Namespaces, extensions and enum types do not exist in SQLite.
 */
const directCompilers: { readonly [K in OperationKind]: DirectCompiler<K> } = {
  create_schema: unsupported,
  drop_schema: unsupported,
  create_extension: unsupported,
  drop_extension: unsupported,
  create_enum: unsupported,
  drop_enum: unsupported,
  alter_enum: unsupported,
  rename_enum: unsupported,
  create_table: (op) => [createTableSql(op.table), ...op.table.indexes.map((i) => createIndexSql(op.table.name, i))],
  drop_table: (op) => [`DROP TABLE ${quoteIdent(op.table.name)}`],
  rename_table: (op) => [`ALTER TABLE ${quoteIdent(op.from.name)} RENAME TO ${quoteIdent(op.to.name)}`],
  alter_table_comment: () => [],
  add_column: (op) => (canAddInPlace(op.column) ? [`ALTER TABLE ${quoteIdent(op.table.name)} ADD COLUMN ${columnSql(op.table.name, op.column, false)}`] : REBUILD),
  drop_column: (op, state) =>
    canDropInPlace(tableIn(state, op.table), op.column.name) ? [`ALTER TABLE ${quoteIdent(op.table.name)} DROP COLUMN ${quoteIdent(op.column.name)}`] : REBUILD,
  alter_column: rebuild,
  rename_column: (op) => [`ALTER TABLE ${quoteIdent(op.table.name)} RENAME COLUMN ${quoteIdent(op.from)} TO ${quoteIdent(op.to)}`],
  // A plain assignment: the target column's type affinity converts the value as it is stored.
  copy_column: (op) => [
    `UPDATE ${quoteIdent(op.table.name)} SET ${quoteIdent(op.to.name)} = ${quoteIdent(op.from.name)}` +
      (op.rows === 'empty' ? ` WHERE ${quoteIdent(op.to.name)} IS NULL` : ''),
  ],
  add_primary_key: rebuild,
  drop_primary_key: rebuild,
  create_index: (op) => [createIndexSql(op.table.name, op.index)],
  drop_index: (op) => [`DROP INDEX ${quoteIdent(op.index.name)}`],
  // SQLite cannot rename an index: it is dropped and created again under the new name.
  rename_index: (op, state) => [
    `DROP INDEX ${quoteIdent(op.from)}`,
    createIndexSql(op.table.name, { ...indexIn(tableIn(state, op.table), op.from), name: op.to }),
  ],
  add_unique: rebuild,
  drop_unique: rebuild,
  add_foreign_key: rebuild,
  drop_foreign_key: rebuild,
  add_check: rebuild,
  drop_check: rebuild,
  // Constraint names live in the table's CREATE TABLE text, which only a rebuild rewrites.
  rename_constraint: rebuild,
  create_view: (op) => [createViewSql(op.view)],
  drop_view: (op) => [dropViewSql(op.view)],
  // Never planned: SQLite has no CREATE OR REPLACE VIEW (capabilities.replacesViews is off).
  replace_view: unsupported,
}

/** compileDirect runs one operation through directCompilers. */
export function compileDirect(op: Operation, state: SchemaModel): DirectSql {
  const compiler = directCompilers[op.kind] as (op: Operation, state: SchemaModel) => DirectSql
  return compiler(op, state)
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

function indexIn(table: TableModel, name: string): IndexModel {
  const index = table.indexes.find((i) => i.name === name)
  if (!index) throw new Error(`sqlite: index "${name}" is not on table "${table.name}"`)
  return index
}

function tableIn(state: SchemaModel, name: QualifiedName): TableModel {
  const table = state.tables.find((t) => sameName(t, name))
  if (!table) throw new Error(`sqlite: table "${name.name}" is not in the schema the operations start from`)
  return table
}
