import type { DataSource } from 'typeorm'
import type { AutogenSettings } from '../source/autogen-settings'

/**
 * ignoredTables lists the tables that are never diffed: TypeORM's own bookkeeping tables (under their
 * configured names) and the user's `autogen.ignoreTables`.
 */
export function ignoredTables(dataSource: DataSource, settings: AutogenSettings): string[] {
  const options = dataSource.options as { metadataTableName?: string }
  return [
    migrationsTableOf(dataSource),
    options.metadataTableName ?? 'typeorm_metadata',
    ...(settings.ignoreTables ?? []),
  ]
}

/** migrationsTableOf is the name of the table where TypeORM records applied migrations. */
export function migrationsTableOf(dataSource: DataSource): string {
  return (dataSource.options as { migrationsTableName?: string }).migrationsTableName ?? 'migrations'
}
