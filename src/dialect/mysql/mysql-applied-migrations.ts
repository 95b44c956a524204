import type { DataSourceOptions } from 'typeorm'
import type { DatabaseConnection } from '../dialect'
import { quoteIdent } from './mysql-quote'
import { mysqlTableReadFailure } from './mysql-table-read-failure'

/**
 * appliedMysqlMigrations reads the names in TypeORM's migrations table `table` of the connection's database,
 * or none when it does not exist. information_schema hides a table the user has no rights on: where it lists
 * none, the table is read anyway, and only the server's "no such table" means none (its "access denied" is thrown).
 */
export async function appliedMysqlMigrations(connection: DatabaseConnection, table: string, options: DataSourceOptions): Promise<readonly string[]> {
  const [found] = await connection.query<{ n: number | string }>(
    'SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?', [table])
  const read = async () => (await connection.query<{ name: string }>(`SELECT \`name\` FROM ${quoteIdent(table)}`)).map((row) => row.name)
  if (Number(found?.n ?? 0) > 0) return read()
  try {
    return await read()
  } catch (err) {
    if (mysqlTableReadFailure(err, options)?.kind === 'absent') return []
    throw err
  }
}
