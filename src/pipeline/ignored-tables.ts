import type { DataSource } from 'typeorm'
import type { AutogenSettings } from '../source/autogen-settings'

/**
 * ignoredTables lists the tables that are never diffed: TypeORM's own bookkeeping tables (under their
 * configured names: the migrations, the metadata and the query result cache's) and the user's `autogen.ignoreTables`.
 */
export function ignoredTables(dataSource: DataSource, settings: AutogenSettings): string[] {
  const options = dataSource.options as { metadataTableName?: string }
  return [
    migrationsTableOf(dataSource),
    options.metadataTableName ?? 'typeorm_metadata',
    ...queryResultCacheTables(dataSource),
    ...(settings.ignoreTables ?? []),
  ]
}

/** migrationsTableOf is the name of the table where TypeORM records applied migrations. */
export function migrationsTableOf(dataSource: DataSource): string {
  return (dataSource.options as { migrationsTableName?: string }).migrationsTableName ?? 'migrations'
}

interface CacheOptions { readonly type?: unknown; readonly tableName?: unknown; readonly provider?: unknown }
const cacheServers: readonly unknown[] = ['redis', 'ioredis', 'ioredis/cluster']

/**
 * queryResultCacheTables is the table where the DataSource's `cache` option has TypeORM keep query results
 * (`query-result-cache`, or `cache.tableName`), none where it keeps them elsewhere (Redis, a provider of its own).
 */
function queryResultCacheTables(dataSource: DataSource): string[] {
  const cache = (dataSource.options as { cache?: unknown }).cache
  if (!cache) return []
  const options: CacheOptions = typeof cache === 'object' ? cache : {}
  if (typeof options.provider === 'function' || cacheServers.includes(options.type)) return []
  return [typeof options.tableName === 'string' && options.tableName !== '' ? options.tableName : 'query-result-cache']
}
