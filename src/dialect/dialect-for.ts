import type { DataSourceOptions } from 'typeorm'
import { UserError } from '../source/user-error'
import type { Dialect } from './dialect'
import { postgresDialect } from './postgres/postgres-dialect'
import { sqliteDialect } from './sqlite/sqlite-dialect'

const dialectsByType: Readonly<Record<string, Dialect>> = {
  'better-sqlite3': sqliteDialect,
  sqlite: sqliteDialect,
  postgres: postgresDialect,
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
