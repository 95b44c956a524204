import type { DataSourceOptions } from 'typeorm'
import type { QualifiedName } from '../../model/schema-model'
import type { DatabaseConnection } from '../dialect'
import { quoteIdent } from './mysql-quote'
import { mysqlTableReadFailure } from './mysql-table-read-failure'

/**
 * presentMysqlTables are those of `tables` the connection's database has. information_schema hides a table the
 * user has no rights on: one it does not list is read, and only the server's "no such table" means it is absent.
 */
export async function presentMysqlTables(connection: DatabaseConnection, tables: readonly QualifiedName[], options: DataSourceOptions): Promise<QualifiedName[]> {
  if (tables.length === 0) return []
  const rows = await connection.query<{ name: string }>(
    `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (${tables.map(() => '?').join(', ')})`,
    tables.map((t) => t.name))
  const listed = new Set(rows.map((row) => row.name.toLowerCase()))
  const present: QualifiedName[] = []
  for (const table of tables) {
    if (listed.has(table.name.toLowerCase()) || await readable(connection, table, options)) present.push(table)
  }
  return present
}

async function readable(connection: DatabaseConnection, table: QualifiedName, options: DataSourceOptions): Promise<boolean> {
  try {
    await connection.query(`SELECT 1 FROM ${quoteIdent(table.name)} LIMIT 0`)
    return true
  } catch (err) {
    if (mysqlTableReadFailure(err, options)?.kind === 'absent') return false
    throw err
  }
}
