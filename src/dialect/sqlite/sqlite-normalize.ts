import type {
  CheckModel,
  ColumnModel,
  ForeignKeyModel,
  IndexKeyOptions,
  IndexModel,
  ReferentialAction,
  SchemaModel,
  TableModel,
  UniqueModel,
} from '../../model/schema-model'
import { repeatsPrimaryKey } from '../../model/primary-key-unique'
import { byQualifiedName, compareText } from '../../model/qualified-name'
import { canonicalTypeParts } from './sqlite-column-type'
import { canonicalSql } from './sqlite-sql-text'
import { affinityOf } from './sqlite-type-change'
import { canonicalView } from './sqlite-view-definition'

/**
 * normalizeSqliteModel brings a model to SQLite's canonical form. The entity side and the introspector both
 * end here, so a database created from the entities compares equal to them. SQLite has no schemas, enum
 * types, extensions, comments, index methods, deferrable uniques or named primary keys: those are dropped.
 */
export function normalizeSqliteModel(model: SchemaModel): SchemaModel {
  return {
    tables: model.tables.map(canonicalTable).sort(byQualifiedName),
    enums: [],
    schemas: [],
    extensions: [],
    views: model.views.map(canonicalView).sort(byQualifiedName),
  }
}

/** canonicalTable is one table in canonical form; see normalizeSqliteModel. */
export function canonicalTable(table: TableModel): TableModel {
  return {
    name: table.name,
    columns: table.columns.map(canonicalColumn),
    ...(table.primaryKey && table.primaryKey.columns.length > 0 && { primaryKey: { columns: [...table.primaryKey.columns] } }),
    indexes: byName(table.indexes.map(canonicalIndex)),
    uniques: byName(table.uniques.filter((u) => !(repeatsPrimaryKey(u, table) && !isRowidAlias(table)))
      .map((u): UniqueModel => ({ name: u.name, columns: [...u.columns] }))),
    foreignKeys: byName(table.foreignKeys.map(canonicalForeignKey)),
    checks: byName(table.checks.map(canonicalCheck)),
    ...(table.withoutRowid === true && { withoutRowid: true }),
  }
}

/**
 * isRowidAlias says whether the primary key is the rowid itself (one column declared exactly `integer`, in a
 * table with a rowid): it has no index of its own, so a unique on it gets one. Any other primary key's index
 * is also the index of a unique on its columns in its order, which SQLite therefore never creates.
 */
function isRowidAlias(table: TableModel): boolean {
  const key = table.primaryKey?.columns ?? []
  const column = table.columns.find((c) => c.name === key[0])
  return key.length === 1 && table.withoutRowid !== true && column !== undefined &&
    column.type.trim().toLowerCase() === 'integer' && column.length === undefined && column.precision === undefined
}

/**
 * canonicalColumn: type rules of canonicalTypeParts (an enum column is a plain `varchar` with its values, as
 * TypeORM writes it); only `increment` generation exists (uuids are made in JavaScript, identity is not a
 * SQLite notion); defaults and computed expressions in canonical SQL text, their own text kept to be
 * written; collations upper case.
 */
export function canonicalColumn(column: ColumnModel): ColumnModel {
  const isEnum = column.enumValues !== undefined && column.enumValues.length > 0
  // An array of enum values is kept as their comma-separated list, which TypeORM checks against no list.
  const enumValues = isEnum && column.isArray !== true ? [...column.enumValues!] : undefined
  // TypeORM writes an enum's type (`varchar`) alone: no length, no ` array`.
  const parts = autoincrementKey(column) ? { type: 'integer' } : canonicalTypeParts(isEnum ? { type: column.type } : column)
  const defaultValue = storedByAffinity(canonicalDefault(column.default), column.type)
  return {
    name: column.name,
    ...parts,
    nullable: column.nullable,
    ...(defaultValue !== undefined && !column.computed && { default: defaultValue, defaultSql: column.defaultSql ?? column.default!.trim() }),
    ...(column.generated?.kind === 'increment' && { generated: { kind: 'increment' as const } }),
    ...(column.computed && {
      computed: {
        expression: canonicalSql(column.computed.expression),
        stored: column.computed.stored,
        expressionSql: column.computed.expressionSql ?? column.computed.expression.trim(),
      },
    }),
    ...(enumValues && { enumValues }),
    ...(column.collation !== undefined && column.collation !== '' && { collation: column.collation.toUpperCase() }),
  }
}

/**
 * autoincrementKey: an increment column of an integer type (one whose name holds `int`, as SQLite reads
 * types), which SQLite makes AUTOINCREMENT only where it is declared exactly `integer` ("AUTOINCREMENT is only
 * allowed on an INTEGER PRIMARY KEY", TypeORM's own error for a `bigint` key): it is written so, and holds
 * 64-bit integers as a `bigint` would.
 */
function autoincrementKey(column: ColumnModel): boolean {
  return column.generated?.kind === 'increment' && column.type.toLowerCase().includes('int')
}

/**
 * canonicalDefault is a default as canonical SQL text: redundant outer parentheses stripped, whitespace
 * collapsed outside quotes, `TRUE`/`FALSE` as `1`/`0`, `CURRENT_*` upper case; a NULL default is no default.
 * `datetime('now')` (TypeORM's default of a CreateDateColumn), `date('now')` and `time('now')` are
 * `CURRENT_TIMESTAMP`, `CURRENT_DATE` and `CURRENT_TIME`, which give the same text.
 */
export function canonicalDefault(text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  const sql = canonicalSql(text)
  if (sql === '' || /^null$/i.test(sql)) return undefined
  if (/^true$/i.test(sql)) return '1'
  if (/^false$/i.test(sql)) return '0'
  if (/^current_(timestamp|date|time)$/i.test(sql)) return sql.toUpperCase()
  const now = /^(datetime|date|time) ?\( ?'now' ?\)$/i.exec(sql)
  if (now !== null) return nowFunctions[now[1]!.toLowerCase()]!
  return sql
}

/**
 * storedByAffinity: a number default written as the other kind of literal than the column stores is the literal
 * it stores (https://sqlite.org/datatype3.html#type_affinity). A quoted number (`'0'`, knex's `defaultTo(0)`) of a
 * column of numeric affinity is the number, as `DEFAULT '0'` and `DEFAULT 0` give an `integer`, `boolean` or `float`
 * column the same value; a bare integer of a text column is its text (`DEFAULT 0` stores `'0'` there). Only an
 * integer of up to 15 digits is its own text: SQLite writes other numbers otherwise (`1e3` as `'1000.0'`).
 */
function storedByAffinity(defaultValue: string | undefined, type: string): string | undefined {
  if (defaultValue === undefined) return undefined
  const affinity = affinityOf(type)
  const quotedNumber = /^'(-?\d+(?:\.\d+)?)'$/.exec(defaultValue)
  if (quotedNumber !== null && affinity !== 'TEXT' && affinity !== 'BLOB') return quotedNumber[1]
  if (affinity === 'TEXT' && /^(?:0|-?[1-9]\d{0,14})$/.test(defaultValue)) return `'${defaultValue}'`
  return defaultValue
}

const nowFunctions: Readonly<Record<string, string>> = { datetime: 'CURRENT_TIMESTAMP', date: 'CURRENT_DATE', time: 'CURRENT_TIME' }

/** canonicalAction is a referential action in upper case, `NO ACTION` when unspecified. */
export function canonicalAction(action: string | undefined): ReferentialAction {
  const upper = (action ?? '').trim().replace(/\s+/g, ' ').toUpperCase()
  return upper === '' ? 'NO ACTION' : (upper as ReferentialAction)
}

/** canonicalIndex keeps what SQLite indexes have: keys (expressions in canonical text), DESC, collations upper case, predicate. */
function canonicalIndex(index: IndexModel): IndexModel {
  const where = index.where === undefined ? undefined : canonicalSql(index.where)
  const keys = index.columns.map((_, k): IndexKeyOptions => {
    const { collation, descending } = index.keyOptions?.[k] ?? {}
    return { ...(collation !== undefined && { collation: collation.toUpperCase() }), ...(descending === true && { descending }) }
  })
  return {
    name: index.name,
    columns: index.columns.map((c) => (c.includes('(') ? expressionKey(c) : c)),
    unique: index.unique,
    ...(where && { where, whereSql: index.whereSql ?? index.where!.trim() }),
    ...(keys.some((k) => Object.keys(k).length > 0) && { keyOptions: keys }),
  }
}

/**
 * expressionKey is an index key expression in canonical text, parenthesised where it holds no parenthesis
 * of its own, since a key holding one is an expression and any other a column name (see IndexModel).
 */
export function expressionKey(text: string): string {
  const sql = canonicalSql(text)
  return sql.includes('(') ? sql : `(${sql})`
}

function canonicalCheck(check: CheckModel): CheckModel {
  return { name: check.name, expression: canonicalSql(check.expression), expressionSql: check.expressionSql ?? check.expression.trim() }
}

function canonicalForeignKey(fk: ForeignKeyModel): ForeignKeyModel {
  return {
    name: fk.name,
    columns: [...fk.columns],
    referencedTable: fk.referencedTable,
    referencedColumns: [...fk.referencedColumns],
    onDelete: canonicalAction(fk.onDelete),
    onUpdate: canonicalAction(fk.onUpdate),
    ...(fk.deferrable && { deferrable: fk.deferrable }),
  }
}

function byName<T extends { readonly name: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareText(a.name, b.name))
}
