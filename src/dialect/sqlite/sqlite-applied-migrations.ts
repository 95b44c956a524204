import type { DatabaseConnection } from '../dialect'
import { quoteIdent } from './sqlite-quote'

/** appliedSqliteMigrations reads the names in TypeORM's migrations table, or none when it does not exist. */
export async function appliedSqliteMigrations(connection: DatabaseConnection, table: string): Promise<readonly string[]> {
  const found = await connection.query(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`, [table])
  if (found.length === 0) return []
  const rows = await connection.query<{ name: string }>(`SELECT "name" FROM ${quoteIdent(table)}`)
  return rows.map((row) => row.name)
}
