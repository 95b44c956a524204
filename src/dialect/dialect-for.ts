import type { DataSourceOptions } from 'typeorm'
import { UserError } from '../source/user-error'
import type { DatabaseConnection, Dialect } from './dialect'
import { mysqlDialect } from './mysql/mysql-dialect'
import { postgresDialect } from './postgres/postgres-dialect'
import { sqliteDialect } from './sqlite/sqlite-dialect'

const dialectsByType: Readonly<Record<string, Dialect>> = {
  'better-sqlite3': sqliteDialect,
  sqlite: sqliteDialect,
  postgres: postgresDialect,
  mysql: mysqlDialect,
  mariadb: mysqlDialect,
}

/** dialectFor picks the dialect that serves a DataSource's `type`. */
export function dialectFor(options: DataSourceOptions): Dialect {
  const dialect = dialectsByType[options.type]
  if (!dialect) {
    const served = Object.keys(dialectsByType).join(', ')
    throw new UserError(`DataSource type "${options.type}" is not supported yet: use one of ${served}`)
  }
  return dialect
}

/** dialectAtServer is `dialect` as the server behind `connection` speaks it (see Dialect.atServer). */
export async function dialectAtServer(dialect: Dialect, connection: DatabaseConnection): Promise<Dialect> {
  return dialect.atServer ? dialect.atServer(connection) : dialect
}
