import { byQualifiedName } from '../../model/qualified-name'
import type { SchemaModel, TableModel } from '../../model/schema-model'
import type { DatabaseConnection, IntrospectionScope } from '../dialect'
import {
  type CheckRow,
  checksQuery,
  type ColumnRow,
  columnsQuery,
  type ForeignKeyRow,
  foreignKeysQuery,
  type IndexRow,
  indexesQuery,
  type TableRow,
  tablesQuery,
  type TriggerRow,
  triggersQuery,
  type ViewRow,
  viewsQuery,
} from './mysql-catalog-queries'
import { checkOf, columnOf, foreignKeysOf, indexesOf, jsonCheckColumn, viewOf } from './mysql-catalog-rows'
import { canonicalMysqlTable } from './mysql-canonical-table'
import type { MysqlConnection } from './mysql-connection'
import { mysqlSyntax } from './mysql-syntax'
import { triggerOf } from './mysql-triggers'

/**
 * introspectMysql reads the connection's database (DATABASE()) in seven information_schema queries (six
 * on MySQL before 8.0.16, which has no checks), however many tables there are, and returns the canonical
 * model. Tables in `scope.ignoreTables` are left out; the server (MariaDB or MySQL, its version) decides
 * how defaults and checks are read.
 */
export async function introspectMysql(connection: DatabaseConnection, scope: IntrospectionScope): Promise<SchemaModel> {
  const { server } = connection as MysqlConnection
  const read = async <Row>(what: string, sql: string): Promise<Row[]> => {
    try {
      return await connection.query<Row>(sql)
    } catch (err) {
      throw new Error(`mysql: reading ${what} of the connection's database`, { cause: err })
    }
  }
  const ignored = new Set(scope.ignoreTables)
  const kept = <Row extends { readonly table: string }>(rows: Row[]) => rows.filter((r) => !ignored.has(r.table))
  const tableRows = (await read<TableRow>('tables', tablesQuery)).filter((t) => !ignored.has(t.name))
  // Views' columns too: only the tables' are read below.
  const columnRows = kept(await read<ColumnRow>('columns', columnsQuery))
  const indexRows = kept(await read<IndexRow>('indexes', indexesQuery(server)))
  const foreignKeyRows = kept(await read<ForeignKeyRow>('foreign keys', foreignKeysQuery))
  const checks = checksQuery(server)
  const checkRows = checks === undefined ? [] : kept(await read<CheckRow>('checks', checks))
  const viewRows = (await read<ViewRow>('views', viewsQuery)).filter((v) => !ignored.has(v.name))
  const triggerRows = kept(await read<TriggerRow>('triggers', triggersQuery))

  const columns = groupBy(columnRows)
  const indexes = groupBy(indexRows)
  const foreignKeys = groupBy(foreignKeyRows)
  const checksOf = groupBy(checkRows)
  const triggersOf = groupBy(triggerRows)
  const syntax = mysqlSyntax(server)
  const tables = tableRows.map((t): TableModel => {
    const ownChecks = checksOf.get(t.name) ?? []
    const jsonColumns = new Set(ownChecks.map(jsonCheckColumn).filter((c) => c !== undefined))
    const isJson = (c: ColumnRow) => c.data_type.toLowerCase() === 'json' || (c.data_type.toLowerCase() === 'longtext' && jsonColumns.has(c.name))
    const ownColumns = (columns.get(t.name) ?? []).sort((a, b) => Number(a.position) - Number(b.position))
    const keys = indexesOf(indexes.get(t.name) ?? [])
    const triggers = (triggersOf.get(t.name) ?? []).map((row) => triggerOf(row, ownColumns.map((c) => c.name), syntax))
    return canonicalMysqlTable({
      name: t.name,
      columns: ownColumns.map((c) => columnOf(c, t, server, isJson(c))),
      ...(keys.primaryKey !== undefined && { primaryKey: { columns: keys.primaryKey } }),
      indexes: keys.indexes,
      uniques: [],
      foreignKeys: foreignKeysOf(foreignKeys.get(t.name) ?? []),
      checks: ownChecks.filter((c) => !(jsonCheckColumn(c) !== undefined && ownColumns.some((col) => col.name === jsonCheckColumn(c) && isJson(col)))).map(checkOf),
      ...(t.comment !== null && t.comment !== '' && { comment: t.comment }),
      ...(t.engine !== null && { engine: t.engine }),
      ...(t.charset !== null && { charset: t.charset }),
      ...(t.collation !== null && { collation: t.collation }),
      ...(triggers.length > 0 && { triggers }),
    }, server)
  })
  const relations = new Set([...tableRows.map((t) => t.name), ...viewRows.map((v) => v.name)])
  return {
    tables: tables.sort(byQualifiedName),
    enums: [],
    schemas: [],
    extensions: [],
    views: viewRows.map((v) => viewOf(v, relations)).sort(byQualifiedName),
  }
}

function groupBy<Row extends { readonly table: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>()
  for (const row of rows) {
    const group = groups.get(row.table)
    if (group === undefined) groups.set(row.table, [row])
    else group.push(row)
  }
  return groups
}
