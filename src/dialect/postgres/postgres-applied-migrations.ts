import type { DataSourceOptions } from 'typeorm'
import type { DatabaseConnection } from '../dialect'
import { quoteIdent } from './postgres-quote'
import { settingsFrom } from './postgres-normalize'
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
  const qualified = `${quoteIdent(settingsFrom(options, await searchSchema(connection)).defaultSchema)}.${quoteIdent(table)}`
  const [found] = await connection.query<{ oid: string | null }>('SELECT to_regclass($1)::text AS oid', [qualified])
  if (found?.oid == null) return []
  const rows = await connection.query<{ name: string }>(`SELECT "name" FROM ${qualified}`)
  return rows.map((row) => row.name)
}
