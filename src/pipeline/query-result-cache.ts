import type { DataSource } from 'typeorm'
import type { Dialect } from '../dialect/dialect'
import { sameName } from '../model/qualified-name'
import { type SchemaModel, type TableModel, emptySchema } from '../model/schema-model'
import { queryResultCacheTable } from '../source/query-result-cache-table'

/**
 * queryResultCacheToMake is TypeORM's query result cache table, normalized, where the DataSource keeps its
 * cache in the database and `neverRead` (see tablesNeverRead) does not name it; undefined otherwise.
 */
export async function queryResultCacheToMake(dataSource: DataSource, dialect: Dialect, neverRead: readonly string[]): Promise<TableModel | undefined> {
  const cache = await queryResultCacheTable(dataSource)
  if (cache === undefined || neverRead.includes(cache.name)) return undefined
  return dialect.normalize({ ...emptySchema, tables: [cache] }, dataSource.options).tables[0]
}

/**
 * withQueryResultCache leaves the cache table alone where the database has it (TypeORM's rows and definition,
 * never diffed: every table of its name is set aside from `introspected`), and wants it made where it lacks it,
 * as TypeORM's migration:generate and synchronize make it.
 */
export function withQueryResultCache(introspected: SchemaModel, wanted: SchemaModel, cache: TableModel | undefined): { introspected: SchemaModel; wanted: SchemaModel } {
  if (cache === undefined) return { introspected, wanted }
  const present = introspected.tables.some((table) => sameName(table, cache))
  return {
    introspected: { ...introspected, tables: introspected.tables.filter((table) => table.name !== cache.name) },
    wanted: present ? wanted : { ...wanted, tables: [...wanted.tables, cache] },
  }
}
