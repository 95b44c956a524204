import type { DataSourceOptions } from 'typeorm'
import type { DatabaseConnection } from '../dialect'
import { qualified } from './postgres-quote'
import { settingsFrom } from './postgres-normalize'
import { presentPostgresTables } from './postgres-present-tables'
import { searchSchema } from './postgres-search-schema'

/**
 * appliedPostgresMigrations reads the names in TypeORM's migrations table (in the DataSource's schema, else the
 * connection's current_schema(), as TypeORM's runner does), or none when it does not exist.
 */
export async function appliedPostgresMigrations(
  connection: DatabaseConnection,
  table: string,
  options: DataSourceOptions,
): Promise<readonly string[]> {
  const migrations = { schema: settingsFrom(options, await searchSchema(connection)).defaultSchema, name: table }
  if ((await presentPostgresTables(connection, [migrations])).length === 0) return []
  const rows = await connection.query<{ name: string }>(`SELECT "name" FROM ${qualified(migrations)}`)
  return rows.map((row) => row.name)
}
