/*
 * Deviations from mysql-model.md (the contract with the compiler):
 * - Foreign key actions are kept as the server reports them (MariaDB and MySQL report `RESTRICT` where
 *   the DDL named none, `NO ACTION` where it said so); the entity side is what TypeORM writes (`NO ACTION`
 *   unless declared). No folding either way: reconcile settles the two InnoDB checks alike.
 * - Check, computed and view expressions are compared in the form of canonicalMysqlExpression (identifiers
 *   unquoted and lower case, the database's name dropped, spacing canonical, literals as written).
 * - `engine` stays on the database side; reconcile copies it to the entity side where the entity names none. An
 *   entity's `engine` with table options after the name (`InnoDB DEFAULT CHARSET=utf8mb4`) is the name, and the
 *   table's default charset and collation those options set (withEngineOptions).
 * - ZEROFILL: TypeORM writes `ZEROFILL` in place of `UNSIGNED` (ColumnMetadata makes a zerofill column unsigned
 *   too), and the server stores it as `unsigned zerofill`: so is the entity side.
 * - `float(p)` without a scale is `float` (p <= 24) or `double` (p > 24) with no precision, as the server
 *   stores it; `float(p,s)` and `double(p,s)` keep both.
 * - A `CURRENT_TIMESTAMP(n)` default or ON UPDATE past the column's fractional digits is `CURRENT_TIMESTAMP(p)`
 *   of the column's (MariaDB stores it so; MySQL refuses it), and on MariaDB one without digits too.
 * - A default expression ending in `ON UPDATE CURRENT_TIMESTAMP(n)` is that default and that ON UPDATE.
 * - Generated columns are nullable on MariaDB (no NOT NULL there).
 * - ColumnModel.declared (entity side only) carries TypeORM's own `uuid` / `json`, `unsigned`, `zerofill` and `width`; normalize
 *   drops it.
 */
import { byQualifiedName } from '../../model/qualified-name'
import type { ColumnModel, ForeignKeyModel, IndexModel, SchemaModel, TableModel } from '../../model/schema-model'
import { byName, canonicalMysqlTable } from './mysql-canonical-table'
import { defaultWithOnUpdate } from './mysql-defaults'
import { withEngineOptions } from './mysql-engine-option'
import { canonicalMysqlExpression } from './mysql-expressions'
import { hashedKey } from './mysql-hashed-keys'
import { quoteString } from './mysql-literals'
import { refuseNativeUuidLength } from './mysql-native-uuid-length'
import { atLeast, type MysqlServer } from './mysql-server'

/**
 * normalizeMysql brings an entity-side model (TypeORM's type names and defaults) to the canonical form the
 * introspector produces, for the server `server` (undefined: not known yet, as TypeORM before connecting)
 * and the DataSource's `type` (`driverType`; absent: the server's product):
 * types TypeORM maps by the server's version (`uuid`, `json`), `unsigned`, `zerofill`, charset aliases, generated
 * columns nullable on MariaDB, and the index
 * MySQL creates for a foreign key that no declared index serves.
 */
export function normalizeMysql(model: SchemaModel, server: MysqlServer | undefined, driverType?: string): SchemaModel {
  const typeorm: TypeormMapping = { server, mariadbDriver: (driverType ?? server?.product) === 'mariadb' }
  return {
    tables: withSharedEnumValues(model.tables).map((t) => withForeignKeyIndexes(canonicalMysqlTable(entityTable(t, typeorm), server))).sort(byQualifiedName),
    enums: [],
    schemas: [],
    extensions: [],
    views: model.views.map((v) => {
      const written = v.definitionSql ?? v.definition
      return {
        name: v.name, definition: canonicalMysqlExpression(written), definitionSql: written, reads: v.reads.map((r) => ({ name: r.name })),
        ...(v.declaredColumns !== undefined && { declaredColumns: v.declaredColumns }),
      }
    }).sort(byQualifiedName),
  }
}

/**
 * withSharedEnumValues gives an enum column that names an `enumName` but no values (on PostgreSQL, a column of
 * that type declared elsewhere) the values of a column declaring that name with them: MySQL has no named enums,
 * and TypeORM writes such a column as `enum()`, which the server refuses.
 */
function withSharedEnumValues(tables: readonly TableModel[]): readonly TableModel[] {
  const valuesOf = new Map<string, readonly string[]>()
  for (const column of tables.flatMap((t) => t.columns)) {
    if (column.enumName !== undefined && column.enumValues !== undefined && !valuesOf.has(column.enumName)) valuesOf.set(column.enumName, column.enumValues)
  }
  const filled = (column: ColumnModel): ColumnModel => {
    const values = column.enumName === undefined || column.enumValues !== undefined ? undefined : valuesOf.get(column.enumName)
    return values === undefined ? column : { ...column, enumValues: [...values] }
  }
  return tables.map((table) => {
    const columns = table.columns.map(filled)
    return columns.every((c, i) => c === table.columns[i]) ? table : { ...table, columns }
  })
}

/**
 * TypeormMapping is what TypeORM's MySQL driver maps types by: the server, and whether the DataSource says
 * `mariadb` (only then does it use MariaDB's native uuid, or json as longtext before 10.4.3).
 */
interface TypeormMapping {
  readonly server: MysqlServer | undefined
  readonly mariadbDriver: boolean
}

function entityTable(table: TableModel, typeorm: TypeormMapping): TableModel {
  const { schema: _schema, ...rest } = withEngineOptions(table)
  return {
    ...rest,
    columns: table.columns.map((c) => entityColumn(table.name, c, typeorm)),
    foreignKeys: table.foreignKeys.map(({ referencedSchema: _ignored, ...fk }) => fk),
  }
}

/** entityColumn is the column TypeORM creates on `server`: what its driver writes once connected. */
function entityColumn(tableName: string, column: ColumnModel, typeorm: TypeormMapping): ColumnModel {
  const { server, mariadbDriver } = typeorm
  const { declared, ...written } = column
  let filled: ColumnModel = written
  if (declared?.type === 'uuid') {
    // TypeORM's MysqlDriver: native uuid on MariaDB 10.7+ (DataSource type `mariadb`); else varchar, of 36
    // for a generated uuid or a foreign key to a uuid (the length it wrote), of varchar's default 255 otherwise.
    const native = mariadbDriver && server?.product === 'mariadb' && atLeast(server, 10, 7)
    if (native) refuseNativeUuidLength(tableName, column)
    filled = native ? { ...filled, type: 'uuid', length: undefined } : { ...filled, type: 'varchar', length: filled.length ?? 255 }
  }
  if (declared?.type === 'json' && server !== undefined && !(mariadbDriver && server.product === 'mariadb' && !atLeast(server, 10, 4, 3))) {
    filled = { ...filled, type: 'json' }
  }
  if (declared?.width !== undefined && filled.length === undefined) filled = { ...filled, length: declared.width }
  if (declared?.unsigned === true || declared?.zerofill === true) filled = { ...filled, type: `${filled.type} unsigned` }
  if (declared?.zerofill === true) filled = { ...filled, type: `${filled.type} zerofill` }
  const withOnUpdate = declared?.stringDefault === undefined && filled.default !== undefined ? defaultWithOnUpdate(filled.default) : undefined
  if (withOnUpdate !== undefined) filled = { ...filled, default: withOnUpdate.default, onUpdate: filled.onUpdate ?? withOnUpdate.onUpdate }
  const text = declared?.stringDefault
  if (text !== undefined && filled.computed === undefined) filled = { ...filled, default: stringDefaultSql(text, filled.type) }
  // MariaDB has no NOT NULL on generated columns (TypeORM writes none there): they are nullable.
  if (filled.computed !== undefined && server?.product === 'mariadb') filled = { ...filled, nullable: true }
  if (server !== undefined && utf8IsUtf8mb3(server)) {
    filled = {
      ...filled,
      ...(filled.charset !== undefined && { charset: filled.charset.replace(/^utf8$/i, 'utf8mb3') }),
      ...(filled.collation !== undefined && { collation: filled.collation.replace(/^utf8_/i, 'utf8mb3_') }),
    }
  }
  if (filled.generated?.kind !== 'increment') {
    const { generated: _none, ...rest } = filled
    filled = rest
  }
  return filled
}

/**
 * stringDefaultSql is a default the entity gives as a string, as MySQL reads it: backslashes doubled (TypeORM
 * wrote `'C:\temp'`, which the server stores as `C:<tab>emp`), and on a boolean's `tinyint` 'true' and 'false'
 * as 1 and 0 (the server refuses `DEFAULT 'false'` there).
 */
function stringDefaultSql(text: string, type: string): string {
  if (/^tinyint\b/.test(type) && /^(true|false)$/i.test(text)) return /^true$/i.test(text) ? '1' : '0'
  return quoteString(text)
}

/** utf8IsUtf8mb3: the server reports the charset `utf8` as `utf8mb3` (MariaDB 10.6+, MySQL 8.0.30+). */
function utf8IsUtf8mb3(server: MysqlServer): boolean {
  return server.product === 'mariadb' ? atLeast(server, 10, 6) : atLeast(server, 8, 0, 30)
}

/**
 * withForeignKeyIndexes adds, for each foreign key, the index MySQL creates for it (named after it, on its
 * columns) unless an index, unique key or the primary key already has its columns as leftmost keys
 * (whole columns, not prefixes): MySQL needs one to check the key, and keeps the one it made.
 */
export function withForeignKeyIndexes(table: TableModel): TableModel {
  const added: IndexModel[] = []
  for (const fk of table.foreignKeys) {
    if (servedBy(fk, table, [...table.indexes, ...added])) continue
    added.push({ name: fk.name, columns: [...fk.columns], unique: false })
  }
  if (added.length === 0) return table
  return { ...table, indexes: byName([...table.indexes, ...added]) }
}

/**
 * servedBy says whether the table's primary key, a unique key or one of `indexes` can serve the foreign key. A
 * unique over a TEXT or BLOB column, or longer than the longest key in a charset known (MariaDB's HASH key), serves none.
 */
export function servedBy(fk: ForeignKeyModel, table: TableModel, indexes: readonly IndexModel[]): boolean {
  const candidates: (readonly string[])[] = [
    ...(table.primaryKey ? [table.primaryKey.columns] : []),
    ...table.uniques.map((u) => u.columns).filter((columns) => !hashedKey(table, columns)),
    ...indexes.filter((i) => i.method === undefined && !(i.unique && hashedKey(table, i.columns))).map((i) => servingColumns(i)),
  ]
  return candidates.some((columns) => fk.columns.every((c, k) => columns[k] === c))
}

/** isMadeForForeignKey says whether an index is the one MySQL made for a foreign key of the table (its name, its columns). */
export function isMadeForForeignKey(index: IndexModel, table: TableModel): boolean {
  return !index.unique && index.method === undefined && index.keyOptions === undefined &&
    table.foreignKeys.some((fk) => fk.name === index.name && fk.columns.length === index.columns.length && fk.columns.every((c, k) => index.columns[k] === c))
}

/** servingColumns are an index's leading keys up to its first prefix key, which cannot serve a foreign key. */
function servingColumns(index: IndexModel): readonly string[] {
  const firstPrefix = (index.keyOptions ?? []).findIndex((k) => k.length !== undefined)
  return firstPrefix < 0 ? index.columns : index.columns.slice(0, firstPrefix)
}
