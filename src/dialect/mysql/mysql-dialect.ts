import type { DatabaseConnection, Dialect } from '../dialect'
import { connectMysql, describeMysqlTarget, type MysqlConnection, mysqlConnectionError } from './mysql-connection'
import { quoteIdent } from './mysql-quote'
import { compileMysql } from './mysql-compiler'
import { measureMysql } from './mysql-probes'
import { type MysqlServer, strictMode } from './mysql-server'
import { renamedSources } from './mysql-view-breaking'

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
      implicitDefaults: true,
      enumPositions: true,
      ...(server !== undefined && !strictMode(server) && { truncatesOnNarrowing: true }),
      typeFamilies: [],
      typeLimits: { lengthTypes: [], integerRanges: {}, decimalTypes: [] },
    },
    quoteIdent,
    connect: connectMysql,
    describeTarget: describeMysqlTarget,
    connectionError: mysqlConnectionError,
    atServer: async (connection: DatabaseConnection) => mysqlDialectAt((connection as MysqlConnection).server),
    introspect: () => unbuilt('introspect'),
    normalize: () => unbuilt('normalize'),
    appliedMigrations: () => unbuilt('appliedMigrations'),
    compile: (changes) => compileMysql(changes, server),
    viewBreakingChanges: renamedSources,
    classifyTypeChange: () => unbuilt('classifyTypeChange'),
    measure: measureMysql,
    createScratchDatabase: () => unbuilt('createScratchDatabase'),
    migrationScript: { beforeMigration: [], afterMigration: [], parameters: { placeholder: /\?/g, literal: String } as never },
    lockRunner: () => unbuilt('lockRunner'),
    backup: () => unbuilt('backup'),
    backupName: () => unbuilt('backupName'),
  }
}

/** mysqlDialect serves TypeORM's `mysql` and `mariadb` DataSources until a connection tells which server it is. */
export const mysqlDialect: Dialect = mysqlDialectAt(undefined)
