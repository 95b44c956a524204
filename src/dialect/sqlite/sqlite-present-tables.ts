import type { QualifiedName } from '../../model/schema-model'
import type { DatabaseConnection } from '../dialect'

/** presentSqliteTables are those of `tables` the database file has (SQLite matches table names ignoring case). */
export async function presentSqliteTables(connection: DatabaseConnection, tables: readonly QualifiedName[]): Promise<QualifiedName[]> {
  if (tables.length === 0) return []
  const rows = await connection.query<{ name: string }>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND lower(name) IN (${tables.map(() => '?').join(', ')})`,
    tables.map((t) => t.name.toLowerCase()))
  const present = new Set(rows.map((row) => row.name.toLowerCase()))
  return tables.filter((t) => present.has(t.name.toLowerCase()))
}
