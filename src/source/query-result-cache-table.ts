import type { DataSource, QueryRunner, Table, TableColumn } from 'typeorm'
import type { Driver } from 'typeorm/driver/Driver'
import { DbQueryResultCache } from 'typeorm/cache/DbQueryResultCache'
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata'
import type { ColumnModel, TableModel } from '../model/schema-model'

/** defaultQueryResultCacheName is the cache table's name where the `cache` option gives none (TypeORM's DbQueryResultCache). */
export const defaultQueryResultCacheName = 'query-result-cache'

/**
 * queryResultCacheName is the name of the table where the DataSource's `cache` option has TypeORM keep query
 * results (`query-result-cache`, or `cache.tableName`); undefined where it keeps them elsewhere (Redis, a
 * provider of its own) or caches nothing.
 */
export function queryResultCacheName(dataSource: DataSource): string | undefined {
  const cache = databaseCache(dataSource)
  return cache === undefined ? undefined : dataSource.driver.parseTableName(cache.queryResultCacheTable).tableName
}

/**
 * queryResultCacheTable is that table as TypeORM's DbQueryResultCache.synchronize makes it, in the DataSource's
 * schema: its own Table, asked of it through a query runner that finds no table and keeps the one it is given.
 */
export async function queryResultCacheTable(dataSource: DataSource): Promise<TableModel | undefined> {
  const cache = databaseCache(dataSource)
  if (cache === undefined) return undefined
  let made: Table | undefined
  const keeping = {
    hasTable: async () => false,
    createTable: async (table: Table) => {
      made = table
    },
  }
  await cache.synchronize(keeping as unknown as QueryRunner)
  if (made === undefined) return undefined
  const { driver } = dataSource
  const table = made
  const { tableName } = driver.parseTableName(table.name)
  const { schema } = table
  const columns = table.columns.map((column) => cacheColumnModel(column, driver))
  const primary = table.primaryColumns.map((column) => column.name)
  return {
    ...(schema !== undefined && schema !== '' && { schema }),
    name: tableName,
    columns,
    ...(primary.length > 0 && { primaryKey: { name: dataSource.namingStrategy.primaryKeyName(table, primary), columns: primary } }),
    indexes: [],
    uniques: [],
    foreignKeys: [],
    checks: [],
  }
}

/**
 * cacheColumnModel is one column of the cache table as TypeORM's query runner writes it: the length the driver
 * gives a type without one (MySQL's `varchar(255)`), none for a key it generates by increment.
 */
function cacheColumnModel(column: TableColumn, driver: Driver): ColumnModel {
  // TypeORM's query runners hand the driver a Table's column where its type says an entity's.
  const length = column.isGenerated ? '' : driver.getColumnLength(column as unknown as ColumnMetadata)
  return {
    name: column.name,
    type: column.type,
    ...(length !== '' && { length: Number(length), declared: { impliedLength: true } }),
    nullable: column.isNullable,
    // TypeORM generates the cache's key by increment (by uuid on Spanner alone).
    ...(column.isGenerated && { generated: { kind: 'increment' } }),
  }
}

/** DatabaseCache is TypeORM's DbQueryResultCache, with the table name it builds (private there). */
interface DatabaseCache {
  readonly queryResultCacheTable: string
  synchronize(queryRunner: QueryRunner): Promise<void>
}

/** The DataSource's cache where it keeps query results in the database. */
function databaseCache(dataSource: DataSource): DatabaseCache | undefined {
  const cache = dataSource.queryResultCache
  return cache instanceof DbQueryResultCache ? (cache as unknown as DatabaseCache) : undefined
}
