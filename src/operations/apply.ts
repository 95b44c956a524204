import { recastEnumType, relabelEnumCasts } from './recast-enum-type'
import { relabelledColumn } from './relabel-column'
import type { ColumnModel, ExclusionModel, ForeignKeyModel, IndexModel, QualifiedName, SchemaModel, TableModel, ViewModel } from '../model/schema-model'
import { byQualifiedName, compareText, qualifiedKey, sameName } from '../model/qualified-name'
import type { Operation, RenameConstraint } from './operation'
import { renameIdentifier } from './rename-identifier'

/**
 * applyOperations computes the schema that results from running `ops` on `model`, without a database.
 * A migration's ChangeSet replays it once (src/plan/change-set.ts) for every stage that needs a table's shape
 * inside the migration; the rename planner and expand/contract use it for the model after the steps they
 * decided; tests use it to prove that `up` leads to the target and `down` back to the start.
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
    case 'rename_enum': return renameEnum(model, op.from, op.to)
    case 'rename_enum_label': return renameEnumLabel(model, op.enumType, op.from, op.to)
    case 'rename_column_label':
      return updateTable(model, op.table, (t) => ({ ...t, columns: t.columns.map((c) => (c.name === op.column.name ? relabelledColumn(c, op.from, op.to) : c)) }))
    case 'create_table': return { ...model, tables: [...model.tables, op.table].sort(byQualifiedName) }
    case 'drop_table': return { ...model, tables: model.tables.filter((t) => !sameName(t, op.table)) }
    case 'rename_table':
      return {
        ...model,
        tables: model.tables
          // A table's own foreign keys to itself follow its rename too.
          .map((t) => renameReferences(sameName(t, op.from) ? movedTable(t, op.to) : t, op.from, op.to))
          .sort(byQualifiedName),
      }
    case 'alter_table_comment': return updateTable(model, op.table, (t) => ({ ...t, comment: op.to }))
    case 'alter_table_options': return updateTable(model, op.table, ({ engine: _engine, withoutRowid: _withoutRowid, ...t }) => ({ ...t, ...op.to }))
    case 'add_column': return updateTable(model, op.table, (t) => ({ ...t, columns: [...t.columns, op.column] }))
    case 'drop_column': return updateTable(model, op.table, (t) => ({ ...t, columns: t.columns.filter((c) => c.name !== op.column.name) }))
    case 'alter_column':
      return updateTable(model, op.table, (t) => ({ ...t, columns: t.columns.map((c) => (c.name === op.from.name ? op.to : c)) }))
    case 'rename_column': return renameColumnReferences(updateTable(model, op.table, (t) => renameColumn(t, op.from, op.to)), op.table, op.from, op.to)
    case 'copy_column': return updateTable(model, op.table, (t) => t) // values only; the table must exist
    case 'add_primary_key': return updateTable(model, op.table, (t) => ({ ...t, primaryKey: op.primaryKey }))
    case 'drop_primary_key': return updateTable(model, op.table, ({ primaryKey: _dropped, ...t }) => t)
    case 'create_index': return updateIndexes(model, op.table, (indexes) => byName([...indexes, op.index]))
    case 'drop_index': return updateIndexes(model, op.table, (indexes) => indexes.filter((i) => i.name !== op.index.name))
    case 'rename_index': return updateIndexes(model, op.table, (indexes) => byName(indexes.map(renamed(op.from, op.to))))
    case 'add_unique': return updateTable(model, op.table, (t) => ({ ...t, uniques: byName([...t.uniques, op.unique]) }))
    case 'drop_unique': return updateTable(model, op.table, (t) => ({ ...t, uniques: t.uniques.filter((u) => u.name !== op.unique.name) }))
    case 'add_foreign_key':
      return updateTable(model, op.table, (t) => ({ ...t, foreignKeys: byName([...t.foreignKeys, op.foreignKey]) }))
    case 'drop_foreign_key':
      return updateTable(model, op.table, (t) => ({ ...t, foreignKeys: t.foreignKeys.filter((f) => f.name !== op.foreignKey.name) }))
    case 'alter_foreign_key':
      return updateTable(model, op.table, (t) => ({ ...t, foreignKeys: t.foreignKeys.map((f) => (f.name === op.from.name ? op.to : f)) }))
    case 'add_check': return updateTable(model, op.table, (t) => ({ ...t, checks: byName([...t.checks, op.check]) }))
    case 'drop_check': return updateTable(model, op.table, (t) => ({ ...t, checks: t.checks.filter((c) => c.name !== op.check.name) }))
    case 'add_exclusion': return updateTable(model, op.table, (t) => withExclusions(t, byName([...(t.exclusions ?? []), op.exclusion])))
    case 'drop_exclusion': return updateTable(model, op.table, (t) => withExclusions(t, (t.exclusions ?? []).filter((x) => x.name !== op.exclusion.name)))
    case 'rename_constraint': return updateTable(model, op.table, (t) => renameConstraint(t, op))
    case 'create_view': return { ...model, views: [...model.views, op.view].sort(byQualifiedName) }
    case 'drop_view': return { ...model, views: model.views.filter((v) => !sameName(v, op.view)) }
    case 'replace_view': return { ...model, views: model.views.map((v) => (sameName(v, op.from) ? op.to : v)) }
  }
}

/** A table without exclusion constraints has none listed, as both sides read it. */
function withExclusions({ exclusions: _replaced, ...table }: TableModel, exclusions: readonly ExclusionModel[]): TableModel {
  return exclusions.length > 0 ? { ...table, exclusions } : table
}

/** updateIndexes changes the indexes of the table, or else of the materialized view, named `name`. */
function updateIndexes(model: SchemaModel, name: QualifiedName, change: (indexes: readonly IndexModel[]) => IndexModel[]): SchemaModel {
  if (model.tables.some((t) => sameName(t, name)) || !model.views.some((v) => sameName(v, name) && v.materialized === true)) {
    return updateTable(model, name, (t) => ({ ...t, indexes: change(t.indexes) }))
  }
  return { ...model, views: model.views.map((v) => (sameName(v, name) ? withIndexes(v, change(v.indexes ?? [])) : v)) }
}

/** A view without indexes has none listed, as both sides read it. */
function withIndexes({ indexes: _replaced, ...view }: ViewModel, indexes: IndexModel[]): ViewModel {
  return indexes.length > 0 ? { ...view, indexes } : view
}

function updateTable(model: SchemaModel, name: QualifiedName, change: (t: TableModel) => TableModel): SchemaModel {
  const index = tableIndexOf(model.tables)
  const at = index.get(qualifiedKey(name))
  if (at === undefined) throw new Error(`applyOperations: table "${name.name}" does not exist in the model`)
  const tables = model.tables.slice()
  tables[at] = change(tables[at]!)
  if (sameName(tables[at]!, name)) tableIndexes.set(tables, index)
  return { ...model, tables }
}

/**
 * tableIndexOf is where each table is in `tables`. Replaying a migration's operations one by one, each on a model
 * of its own, looked for the table through all of them every time: 22 million steps for a migration changing all
 * of a thousand tables. The index passes on to a copy in which one table changed.
 */
function tableIndexOf(tables: readonly TableModel[]): ReadonlyMap<string, number> {
  let index = tableIndexes.get(tables)
  if (index === undefined) tableIndexes.set(tables, (index = new Map(tables.map((t, i) => [qualifiedKey(t), i]))))
  return index
}

const tableIndexes = new WeakMap<readonly TableModel[], ReadonlyMap<string, number>>()

/** Expressions follow the renamed column too (checks, exclusions, index predicates, computed columns), as the databases do. */
function renameColumn(table: TableModel, from: string, to: string): TableModel {
  const rename = (names: readonly string[]) => names.map((n) => (n === from ? to : n))
  const expression = (sql: string) => renameIdentifier(sql, from, to, true)
  const writtenSql = (sql: string) => renameIdentifier(sql, from, to)
  const column = (c: ColumnModel): ColumnModel => {
    const renamed = c.name === from ? { ...c, name: to } : c
    if (!renamed.computed) return renamed
    const { expressionSql } = renamed.computed
    return {
      ...renamed,
      computed: {
        ...renamed.computed,
        expression: expression(renamed.computed.expression),
        ...(expressionSql !== undefined && { expressionSql: writtenSql(expressionSql) }),
      },
    }
  }
  return {
    ...table,
    columns: table.columns.map(column),
    primaryKey: table.primaryKey && { ...table.primaryKey, columns: rename(table.primaryKey.columns) },
    indexes: table.indexes.map((i) => ({
      ...i,
      columns: i.columns.map((key) => (key.includes('(') ? expression(key) : key === from ? to : key)),
      ...(i.include !== undefined && { include: rename(i.include) }),
      ...(i.where !== undefined && { where: expression(i.where) }),
      ...(i.whereSql !== undefined && { whereSql: writtenSql(i.whereSql) }),
    })),
    uniques: table.uniques.map((u) => ({ ...u, columns: rename(u.columns) })),
    foreignKeys: table.foreignKeys.map((f) => ({ ...f, columns: rename(f.columns) })),
    checks: table.checks.map((c) => ({
      ...c,
      expression: expression(c.expression),
      ...(c.expressionSql !== undefined && { expressionSql: writtenSql(c.expressionSql) }),
    })),
    ...(table.exclusions !== undefined && {
      exclusions: table.exclusions.map((x) => ({
        ...x,
        definition: expression(x.definition),
        ...(x.definitionSql !== undefined && { definitionSql: writtenSql(x.definitionSql) }),
      })),
    }),
    ...(table.triggers !== undefined && {
      triggers: table.triggers.map((t) => ({
        ...t,
        ...(t.reads !== undefined && { reads: rename(t.reads) }),
        ...(t.functionReads !== undefined && { functionReads: rename(t.functionReads) }),
        ...(t.argumentReads !== undefined && { argumentReads: rename(t.argumentReads) }),
      })),
    }),
  }
}

/** Foreign keys of every table follow a renamed column they point at, as both databases do. */
function renameColumnReferences(model: SchemaModel, table: QualifiedName, from: string, to: string): SchemaModel {
  const pointsAt = (f: ForeignKeyModel) => f.referencedTable === table.name && f.referencedSchema === table.schema
  return {
    ...model,
    tables: model.tables.map((t) =>
      t.foreignKeys.some(pointsAt)
        ? {
            ...t,
            foreignKeys: t.foreignKeys.map((f) =>
              pointsAt(f) ? { ...f, referencedColumns: f.referencedColumns.map((c) => (c === from ? to : c)) } : f,
            ),
          }
        : t,
    ),
  }
}

function renameConstraint(table: TableModel, op: RenameConstraint): TableModel {
  switch (op.constraint) {
    case 'primary_key': return table.primaryKey ? { ...table, primaryKey: { ...table.primaryKey, name: op.to } } : table
    case 'unique': return { ...table, uniques: byName(table.uniques.map(renamed(op.from, op.to))) }
    case 'foreign_key': return { ...table, foreignKeys: byName(table.foreignKeys.map(renamed(op.from, op.to))) }
    case 'check': return { ...table, checks: byName(table.checks.map(renamed(op.from, op.to))) }
    case 'exclusion': return withExclusions(table, byName((table.exclusions ?? []).map(renamed(op.from, op.to))))
  }
}

/**
 * An enum type lives in the schema of the tables whose columns use it; those columns follow its new name,
 * and so do the casts to it in defaults, checks and index predicates (the database holds them by the type's oid).
 */
function renameEnum(model: SchemaModel, from: QualifiedName, to: QualifiedName): SchemaModel {
  // A table moved to another schema before its type follows (see movedEnumTypes) names the type's schema (movedTable).
  const uses = (t: TableModel, c: ColumnModel) => c.enumName === from.name && (c.enumSchema ?? t.schema) === from.schema
  const recast = (sql: string) => recastEnumType(sql, from, to)
  const follow = (t: TableModel): TableModel => ({
    ...withRecastExpressions(t, recast),
    columns: t.columns.map((c) => (uses(t, c) ? { ...inSchema(c, t.schema, to.schema), enumName: to.name, ...(c.defaultSql !== undefined && { defaultSql: recast(c.defaultSql) }) } : c)),
  })
  return {
    ...model,
    enums: model.enums.map((e) => (sameName(e, from) ? { ...e, schema: to.schema, name: to.name } : e)).sort(byQualifiedName),
    tables: model.tables.map((t) => (t.columns.some((c) => uses(t, c)) ? follow(t) : t)),
  }
}

/**
 * renameEnumLabel renames a label of an enum type, in the type and the columns using it; a default that is the
 * label follows it, and so does the label cast to the type in defaults, checks and index predicates (the
 * database holds it by its oid).
 */
function renameEnumLabel(model: SchemaModel, enumType: QualifiedName, from: string, to: string): SchemaModel {
  const recast = (sql: string) => relabelEnumCasts(sql, enumType, from, to)
  const uses = (t: TableModel, c: ColumnModel) => c.enumName === enumType.name && (c.enumSchema ?? t.schema) === enumType.schema
  const follow = (t: TableModel) => (c: ColumnModel): ColumnModel =>
    (uses(t, c) ? relabelledColumn({ ...c, ...(c.defaultSql !== undefined && { defaultSql: recast(c.defaultSql) }) }, from, to) : c)
  const relabelled = (t: TableModel): TableModel => ({ ...withRecastExpressions(t, recast), columns: t.columns.map(follow(t)) })
  return {
    ...model,
    enums: model.enums.map((e) => (sameName(e, enumType) ? { ...e, values: e.values.map((label) => (label === from ? to : label)) } : e)),
    tables: model.tables.map((t) => (t.columns.some((c) => uses(t, c)) ? relabelled(t) : t)),
  }
}

/** withRecastExpressions is `table` with `recast` applied to its index predicates, checks and exclusions. */
function withRecastExpressions(t: TableModel, recast: (sql: string) => string): TableModel {
  return {
    ...t,
    indexes: t.indexes.map((i) => (i.where === undefined ? i : { ...i, where: recast(i.where), ...(i.whereSql !== undefined && { whereSql: recast(i.whereSql) }) })),
    checks: t.checks.map((c) => ({ ...c, expression: recast(c.expression), ...(c.expressionSql !== undefined && { expressionSql: recast(c.expressionSql) }) })),
    ...(t.exclusions !== undefined && {
      exclusions: t.exclusions.map((x) => ({ ...x, definition: recast(x.definition), ...(x.definitionSql !== undefined && { definitionSql: recast(x.definitionSql) }) })),
    }),
  }
}

/**
 * movedTable is a table moved (and renamed) to `to`: an enum type stays in its schema, so a column whose type was
 * in the table's old schema names that schema now (PostgreSQL moves no type along; movedEnumTypes moves it, after).
 */
function movedTable(table: TableModel, to: QualifiedName): TableModel {
  const columns = table.schema === to.schema ? table.columns : table.columns.map((c) => (c.enumName === undefined ? c : inSchema(c, to.schema, c.enumSchema ?? table.schema)))
  return { ...table, schema: to.schema, name: to.name, columns }
}

/** inSchema gives a column of a table in `tableSchema` the enum type of `typeSchema`: named there only where they differ. */
function inSchema(column: ColumnModel, tableSchema: string | undefined, typeSchema: string | undefined): ColumnModel {
  const { enumSchema: _enumSchema, ...rest } = column
  return typeSchema === tableSchema || typeSchema === undefined ? rest : { ...rest, enumSchema: typeSchema }
}

function renamed<T extends { readonly name: string }>(from: string, to: string): (item: T) => T {
  return (item) => (item.name === from ? { ...item, name: to } : item)
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
