import type { DataSourceOptions } from 'typeorm'
import type { DatabaseConnection } from '../dialect'
import { presentMysqlTables } from './mysql-present-tables'
import { quoteIdent } from './mysql-quote'

/**
 * appliedMysqlMigrations reads the names in TypeORM's migrations table `table` of the connection's database,
 * or none when it does not exist (see presentMysqlTables, which looks past information_schema hiding a table
 * the user has no rights on).
 */
export async function appliedMysqlMigrations(connection: DatabaseConnection, table: string, options: DataSourceOptions): Promise<readonly string[]> {
  if ((await presentMysqlTables(connection, [{ name: table }], options)).length === 0) return []
  return (await connection.query<{ name: string }>(`SELECT \`name\` FROM ${quoteIdent(table)}`)).map((row) => row.name)
}
