import type { DatabaseConnection, Dialect } from '../dialect'
import { connectMysql, describeMysqlTarget, type MysqlConnection, mysqlConnectionError } from './mysql-connection'
import { introspectMysql } from './mysql-introspector'
import { normalizeMysql } from './mysql-normalize'
import { quoteIdent } from './mysql-quote'
import { reconcileMysql } from './mysql-reconcile'
import type { MysqlServer } from './mysql-server'
import { classifyMysqlTypeChange } from './mysql-type-change'
import { mysqlTypeFamilies, mysqlTypeLimits } from './mysql-type-families'

// Work in progress (issue 14): each member below that throws is being built in its own file.
function unbuilt(member: string): never {
  throw new Error(`mysql dialect: ${member} is not built yet`)
}

/**
 * mysqlDialectAt is the dialect serving TypeORM's `mysql` and `mariadb` DataSources as the server `server`
 * speaks it; undefined before a connection has told (the SQL then suits both MySQL 8 and MariaDB 10.5+).
 */
export function mysqlDialectAt(server: MysqlServer | undefined): Dialect {
  return {
    name: 'mysql',
    capabilities: {
      schemas: false,
      enumTypes: false,
      extensions: false,
      transactionalDdl: false,
      renamesInPlace: true,
      replacesViews: true,
      typeFamilies: mysqlTypeFamilies,
      typeLimits: mysqlTypeLimits,
    },
    quoteIdent,
    connect: connectMysql,
    describeTarget: describeMysqlTarget,
    connectionError: mysqlConnectionError,
    atServer: async (connection: DatabaseConnection) => mysqlDialectAt((connection as MysqlConnection).server),
    introspect: introspectMysql,
    normalize: (model, options) => normalizeMysql(model, server, options?.type),
    reconcile: reconcileMysql,
    appliedMigrations: () => unbuilt('appliedMigrations'),
    compile: () => unbuilt('compile'),
    viewBreakingChanges: () => unbuilt('viewBreakingChanges'),
    classifyTypeChange: classifyMysqlTypeChange,
    measure: () => unbuilt('measure'),
    createScratchDatabase: () => unbuilt('createScratchDatabase'),
    migrationScript: { beforeMigration: [], afterMigration: [], parameters: { placeholder: /\?/g, literal: String } as never },
    lockRunner: () => unbuilt('lockRunner'),
    backup: () => unbuilt('backup'),
    backupName: () => unbuilt('backupName'),
  }
}

/** mysqlDialect serves TypeORM's `mysql` and `mariadb` DataSources until a connection tells which server it is. */
export const mysqlDialect: Dialect = mysqlDialectAt(undefined)
