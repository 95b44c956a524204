import { sameName } from '../../model/qualified-name'
import type { ColumnModel, IndexModel, SchemaModel, TableModel, ViewModel } from '../../model/schema-model'
import { writtenDefinition } from '../../model/written-sql'
import type { DatabaseConnection } from '../dialect'
import type { MysqlConnection } from './mysql-connection'
import type { MysqlServer } from './mysql-server'

/**
 * reconcileMysql settles what the rules cannot, read-only: a table whose entity names no engine takes the
 * database's (the engine is only compared where the entity names one), so does a `tinyint` its `(1)`
 * (withBooleanWidth), a plain index on a TEXT column the prefix the server gave it (withServerPrefixes), charsets and collations the entities
 * declare are dropped where the table would give them anyway (reconcileCharsets), and view definitions are
 * compared as the server's optimizer prints them (reconcileViews).
 */
export async function reconcileMysql(desired: SchemaModel, actual: SchemaModel, connection: DatabaseConnection): Promise<SchemaModel> {
  const tables = desired.tables.map((t) => {
    const other = actual.tables.find((a) => sameName(a, t))
    const engine = t.engine ?? other?.engine
    const columns = other === undefined ? t.columns : t.columns.map((c) => withBooleanWidth(c, other))
    const indexes = other === undefined ? t.indexes : t.indexes.map((i) => withServerPrefixes(i, t, other))
    return { ...t, columns, indexes, ...(engine !== undefined && { engine }) }
  })
  return reconcileViews(await reconcileCharsets({ ...desired, tables }, connection), actual, connection)
}

/**
 * withBooleanWidth: TypeORM writes a boolean as `tinyint` (which MariaDB prints `tinyint(4)`), older
 * TypeORM versions and other tools as `tinyint(1)`; a display width changes no stored value, so an entity
 * `tinyint` with no width takes the database's `tinyint(1)`.
 */
function withBooleanWidth(column: ColumnModel, actualTable: TableModel): ColumnModel {
  if (column.type !== 'tinyint' || column.length !== undefined) return column
  const other = actualTable.columns.find((c) => c.name === column.name)
  return other?.type === 'tinyint' && other.length === 1 ? { ...column, length: 1 } : column
}

/**
 * withServerPrefixes: MariaDB gives a plain index key on a whole TEXT or BLOB column the longest prefix it
 * can (768 characters of utf8mb4), which TypeORM cannot state; such an entity index takes the database's
 * prefix lengths where its keys are otherwise the same.
 */
function withServerPrefixes(index: IndexModel, table: TableModel, actualTable: TableModel): IndexModel {
  const other = actualTable.indexes.find((i) => i.name === index.name)
  if (other?.keys === undefined || index.keys !== undefined || index.unique || other.unique) return index
  if (other.method !== index.method || other.columns.join('\u0000') !== index.columns.join('\u0000')) return index
  const wholeValue = (name: string) => /text$|blob$/.test(table.columns.find((c) => c.name === name)?.type ?? '')
  const serverChosen = other.keys.every((k, i) => !k.descending && (k.length === undefined || wholeValue(index.columns[i]!)))
  return serverChosen ? { ...index, keys: other.keys.map((k) => ({ ...k })) } : index
}

interface CollationRow { readonly collation: string; readonly charset: string; readonly is_default: string }
interface TableCollationRow { readonly name: string | null; readonly collation: string }

/**
 * reconcileCharsets brings the charsets and collations the entities declare to the introspector's form,
 * where a column's are named only where they differ from its table's (inherited ones are not: MySQL does
 * not say whether they were declared): a collation names its charset; a charset of its own keeps its
 * default collation unnamed; what equals the table's (the database's default for a table not made yet) is
 * dropped. Two queries, only when some column declares either.
 */
export async function reconcileCharsets(desired: SchemaModel, connection: DatabaseConnection): Promise<SchemaModel> {
  if (!desired.tables.some((t) => t.columns.some((c) => c.charset !== undefined || c.collation !== undefined))) return desired
  const collations = await connection.query<CollationRow>(
    'SELECT COLLATION_NAME AS collation, CHARACTER_SET_NAME AS charset, IS_DEFAULT AS is_default FROM information_schema.COLLATIONS')
  const tableRows = await connection.query<TableCollationRow>(`SELECT TABLE_NAME AS name, TABLE_COLLATION AS collation FROM information_schema.TABLES
WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'
UNION ALL SELECT NULL, @@collation_database`)
  const charsetOf = new Map(collations.map((c) => [c.collation, c.charset]))
  const defaultOf = new Map(collations.filter((c) => c.is_default === 'Yes').map((c) => [c.charset, c.collation]))
  const databaseCollation = tableRows.find((r) => r.name === null)?.collation
  const tableCollation = new Map(tableRows.filter((r) => r.name !== null).map((r) => [r.name!, r.collation]))
  const inherit = (table: TableModel, column: ColumnModel): ColumnModel => {
    if (column.charset === undefined && column.collation === undefined) return column
    const collation = tableCollation.get(table.name) ?? databaseCollation
    const tableCharset = collation === undefined ? undefined : charsetOf.get(collation)
    const charset = column.charset ?? (column.collation !== undefined ? charsetOf.get(column.collation) : undefined)
    const ownCharset = charset === undefined || charset === tableCharset ? undefined : charset
    const inherited = ownCharset === undefined ? collation : defaultOf.get(ownCharset)
    const ownCollation = column.collation === undefined || column.collation === inherited ? undefined : column.collation
    const { charset: _charset, collation: _collation, ...rest } = column
    return { ...rest, ...(ownCharset !== undefined && { charset: ownCharset }), ...(ownCollation !== undefined && { collation: ownCollation }) }
  }
  return { ...desired, tables: desired.tables.map((t) => ({ ...t, columns: t.columns.map((c) => inherit(t, c)) })) }
}

/**
 * reconcileViews asks the server, for each entity view whose canonical text differs from the database's
 * view of the same name, how it reads both SELECTs: `EXPLAIN` (`EXPLAIN EXTENDED` on MariaDB) and SHOW
 * WARNINGS print each query as the optimizer rewrote it (note 1003: names qualified and quoted, `*`
 * expanded, aliases added). Where both prints are the same, the entity side takes the database's
 * definition and what it reads. Nothing is created; a SELECT the server refuses is left as written (the diff replaces the view).
 */
export async function reconcileViews(desired: SchemaModel, actual: SchemaModel, connection: DatabaseConnection): Promise<SchemaModel> {
  const candidates = desired.views.flatMap((view) => {
    const other = actual.views.find((v) => sameName(v, view))
    return other !== undefined && other.definition !== view.definition && isOneSelect(writtenDefinition(view)) ? [{ view, other }] : []
  })
  if (candidates.length === 0) return desired
  const { server } = connection as MysqlConnection
  const settled = new Map<ViewModel, ViewModel>()
  for (const { view, other } of candidates) {
    const [mine, theirs] = [await optimizerPrint(connection, server, writtenDefinition(view)), await optimizerPrint(connection, server, writtenDefinition(other))]
    if (mine !== undefined && mine === theirs) settled.set(view, { ...view, definition: other.definition, reads: other.reads })
  }
  return { ...desired, views: desired.views.map((v) => settled.get(v) ?? v) }
}

async function optimizerPrint(connection: DatabaseConnection, server: MysqlServer, select: string): Promise<string | undefined> {
  try {
    await connection.query(`${server.product === 'mariadb' ? 'EXPLAIN EXTENDED' : 'EXPLAIN'} ${select}`)
    const warnings = await connection.query<{ Code: number | string; Message: string }>('SHOW WARNINGS')
    return warnings.find((w) => Number(w.Code) === 1003)?.Message
  } catch {
    return undefined
  }
}

/** isOneSelect: a single SELECT (or WITH ... SELECT) with no statement after it, so that EXPLAIN runs nothing else. */
function isOneSelect(sql: string): boolean {
  return /^\s*\(?\s*(select|with)\b/i.test(sql) && !/;\s*\S/.test(sql.replace(/'(?:[^'\\]|''|\\.)*'/g, "''"))
}
