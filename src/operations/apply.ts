import type { ColumnModel, QualifiedName, SchemaModel, TableModel } from '../model/schema-model'
import { byQualifiedName, compareText, sameName } from '../model/qualified-name'
import type { Operation } from './operation'

/**
 * applyOperations computes the schema that results from running `ops` on `model`, without a database.
 * Compilers use it to know a table's final shape (SQLite folds every change of a table into one rebuild),
 * and tests use it to prove that `up` leads to the target and `down` back to the start.
 */
export function applyOperations(model: SchemaModel, ops: readonly Operation[]): SchemaModel {
  return ops.reduce(applyOperation, model)
}

function applyOperation(model: SchemaModel, op: Operation): SchemaModel {
  switch (op.kind) {
    case 'create_schema': return { ...model, schemas: sortedAdd(model.schemas, op.schema) }
    case 'drop_schema': return { ...model, schemas: model.schemas.filter((s) => s !== op.schema) }
    case 'create_extension': return { ...model, extensions: sortedAdd(model.extensions, op.extension) }
    case 'drop_extension': return { ...model, extensions: model.extensions.filter((e) => e !== op.extension) }
    case 'create_enum': return { ...model, enums: [...model.enums, op.enumType].sort(byQualifiedName) }
    case 'drop_enum': return { ...model, enums: model.enums.filter((e) => !sameName(e, op.enumType)) }
    case 'alter_enum': return { ...model, enums: model.enums.map((e) => (sameName(e, op.from) ? op.to : e)) }
    case 'create_table': return { ...model, tables: [...model.tables, op.table].sort(byQualifiedName) }
    case 'drop_table': return { ...model, tables: model.tables.filter((t) => !sameName(t, op.table)) }
    case 'rename_table':
      return {
        ...model,
        tables: model.tables
          .map((t) => (sameName(t, op.from) ? { ...t, schema: op.to.schema, name: op.to.name } : renameReferences(t, op.from, op.to)))
          .sort(byQualifiedName),
      }
    case 'alter_table_comment': return updateTable(model, op.table, (t) => ({ ...t, comment: op.to }))
    case 'add_column': return updateTable(model, op.table, (t) => ({ ...t, columns: [...t.columns, op.column] }))
    case 'drop_column': return updateTable(model, op.table, (t) => ({ ...t, columns: t.columns.filter((c) => c.name !== op.column.name) }))
    case 'alter_column':
      return updateTable(model, op.table, (t) => ({ ...t, columns: t.columns.map((c) => (c.name === op.from.name ? op.to : c)) }))
    case 'rename_column': return updateTable(model, op.table, (t) => renameColumn(t, op.from, op.to))
    case 'add_primary_key': return updateTable(model, op.table, (t) => ({ ...t, primaryKey: op.primaryKey }))
    case 'drop_primary_key': return updateTable(model, op.table, ({ primaryKey: _dropped, ...t }) => t)
    case 'create_index': return updateTable(model, op.table, (t) => ({ ...t, indexes: byName([...t.indexes, op.index]) }))
    case 'drop_index': return updateTable(model, op.table, (t) => ({ ...t, indexes: t.indexes.filter((i) => i.name !== op.index.name) }))
    case 'add_unique': return updateTable(model, op.table, (t) => ({ ...t, uniques: byName([...t.uniques, op.unique]) }))
    case 'drop_unique': return updateTable(model, op.table, (t) => ({ ...t, uniques: t.uniques.filter((u) => u.name !== op.unique.name) }))
    case 'add_foreign_key':
      return updateTable(model, op.table, (t) => ({ ...t, foreignKeys: byName([...t.foreignKeys, op.foreignKey]) }))
    case 'drop_foreign_key':
      return updateTable(model, op.table, (t) => ({ ...t, foreignKeys: t.foreignKeys.filter((f) => f.name !== op.foreignKey.name) }))
    case 'add_check': return updateTable(model, op.table, (t) => ({ ...t, checks: byName([...t.checks, op.check]) }))
    case 'drop_check': return updateTable(model, op.table, (t) => ({ ...t, checks: t.checks.filter((c) => c.name !== op.check.name) }))
  }
}

function updateTable(model: SchemaModel, name: QualifiedName, change: (t: TableModel) => TableModel): SchemaModel {
  if (!model.tables.some((t) => sameName(t, name))) {
    throw new Error(`applyOperations: table "${name.name}" does not exist in the model`)
  }
  return { ...model, tables: model.tables.map((t) => (sameName(t, name) ? change(t) : t)) }
}

function renameColumn(table: TableModel, from: string, to: string): TableModel {
  const rename = (names: readonly string[]) => names.map((n) => (n === from ? to : n))
  return {
    ...table,
    columns: table.columns.map((c): ColumnModel => (c.name === from ? { ...c, name: to } : c)),
    primaryKey: table.primaryKey && { ...table.primaryKey, columns: rename(table.primaryKey.columns) },
    indexes: table.indexes.map((i) => ({ ...i, columns: rename(i.columns) })),
    uniques: table.uniques.map((u) => ({ ...u, columns: rename(u.columns) })),
    foreignKeys: table.foreignKeys.map((f) => ({ ...f, columns: rename(f.columns) })),
  }
}

function renameReferences(table: TableModel, from: QualifiedName, to: QualifiedName): TableModel {
  return {
    ...table,
    foreignKeys: table.foreignKeys.map((f) =>
      f.referencedTable === from.name && f.referencedSchema === from.schema
        ? { ...f, referencedTable: to.name, referencedSchema: to.schema }
        : f,
    ),
  }
}

function byName<T extends { readonly name: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareText(a.name, b.name))
}

function sortedAdd(list: readonly string[], item: string): string[] {
  return [...new Set([...list, item])].sort(compareText)
}
