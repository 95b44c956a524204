import type { DataSourceOptions } from 'typeorm'
import { UserError } from '../source/user-error'
import type { DatabaseConnection, Dialect } from './dialect'

// Each dialect's modules are required when a project uses it: a PostgreSQL project loads no SQLite code.
const sqlite = () => (require('./sqlite/sqlite-dialect') as typeof import('./sqlite/sqlite-dialect')).sqliteDialect
const postgres = () => (require('./postgres/postgres-dialect') as typeof import('./postgres/postgres-dialect')).postgresDialect
const mysql = () => (require('./mysql/mysql-dialect') as typeof import('./mysql/mysql-dialect')).mysqlDialect

const dialectsByType: Readonly<Record<string, () => Dialect>> = {
  'better-sqlite3': sqlite,
  sqlite,
  postgres,
  mysql,
  mariadb: mysql,
}

/** dialectFor picks the dialect that serves a DataSource's `type`. */
export function dialectFor(options: DataSourceOptions): Dialect {
  const dialect = Object.hasOwn(dialectsByType, options.type) ? dialectsByType[options.type] : undefined
  if (!dialect) {
    const served = Object.keys(dialectsByType).join(', ')
    throw new UserError(`DataSource type "${options.type}" is not supported yet: use one of ${served}`)
  }
  return dialect()
}

/** dialectAtServer is `dialect` as the server behind `connection` speaks it (see Dialect.atServer). */
export async function dialectAtServer(dialect: Dialect, connection: DatabaseConnection): Promise<Dialect> {
  return dialect.atServer ? dialect.atServer(connection) : dialect
}
