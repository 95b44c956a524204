import type { DatabaseConnection } from '../dialect'
import { quoteIdent } from './mysql-quote'

/**
 * appliedMysqlMigrations reads the names in TypeORM's migrations table `table` of the connection's database,
 * or none when it does not exist.
 */
export async function appliedMysqlMigrations(connection: DatabaseConnection, table: string): Promise<readonly string[]> {
  const [found] = await connection.query<{ n: number | string }>(
    'SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?', [table])
  if (Number(found?.n ?? 0) === 0) return []
  const rows = await connection.query<{ name: string }>(`SELECT \`name\` FROM ${quoteIdent(table)}`)
  return rows.map((row) => row.name)
}
