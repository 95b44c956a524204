import type { DataSource } from 'typeorm'
import type { AutogenSettings } from '../source/autogen-settings'
import { defaultQueryResultCacheName, queryResultCacheName } from '../source/query-result-cache-table'

/**
 * ignoredTables lists the tables that are never diffed: TypeORM's own bookkeeping tables (under their
 * configured names: the migrations, the metadata and the query result cache's) and the user's `autogen.ignoreTables`.
 */
export function ignoredTables(dataSource: DataSource, settings: AutogenSettings): string[] {
  const cache = queryResultCacheName(dataSource)
  return [...tablesNeverRead(dataSource, settings), ...(cache === undefined ? [] : [cache])]
}

/**
 * tablesNeverRead are the ignored tables but the query result cache's, which is read to learn whether it is
 * there (see queryResultCacheToMake), unless the user's `autogen.ignoreTables` names it. TypeORM's default cache
 * table is among them whatever the `cache` option says: one left from a cache option since removed is TypeORM's still.
 */
export function tablesNeverRead(dataSource: DataSource, settings: AutogenSettings): string[] {
  const options = dataSource.options as { metadataTableName?: string }
  const formerCache = queryResultCacheName(dataSource) === defaultQueryResultCacheName ? [] : [defaultQueryResultCacheName]
  return [migrationsTableOf(dataSource), options.metadataTableName ?? 'typeorm_metadata', ...formerCache, ...(settings.ignoreTables ?? [])]
}

/** migrationsTableOf is the name of the table where TypeORM records applied migrations. */
export function migrationsTableOf(dataSource: DataSource): string {
  return (dataSource.options as { migrationsTableName?: string }).migrationsTableName ?? 'migrations'
}
