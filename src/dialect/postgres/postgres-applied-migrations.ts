import type { DataSourceOptions } from 'typeorm'
import type { DatabaseConnection } from '../dialect'
import { quoteIdent } from './postgres-quote'
import { settingsFrom } from './postgres-normalize'

/** appliedPostgresMigrations reads the names in TypeORM's migrations table, or none when it does not exist. */
export async function appliedPostgresMigrations(
  connection: DatabaseConnection,
  table: string,
  options: DataSourceOptions,
): Promise<readonly string[]> {
  const qualified = `${quoteIdent(settingsFrom(options).defaultSchema)}.${quoteIdent(table)}`
  const [found] = await connection.query<{ oid: string | null }>('SELECT to_regclass($1)::text AS oid', [qualified])
  if (found?.oid == null) return []
  const rows = await connection.query<{ name: string }>(`SELECT "name" FROM ${qualified}`)
  return rows.map((row) => row.name)
}
