import { mysqlEnumLabelKey } from './mysql-enum-label-key'
import type { DatabaseConnection, Dialect } from '../dialect'
import { connectMysql, describeMysqlTarget, type MysqlConnection, mysqlConnectionError } from './mysql-connection'
import { introspectMysql } from './mysql-introspector'
import { normalizeMysql } from './mysql-normalize'
import { quoteIdent } from './mysql-quote'
import { reconcileMysql } from './mysql-reconcile'
import { withLiveRestrictSpelling } from './mysql-restrict-spelling'
import { classifyMysqlTypeChange } from './mysql-type-change'
import { mysqlSpatialTypes, mysqlTypeFamilies, mysqlTypeLimits } from './mysql-type-families'
import { appliedMysqlMigrations } from './mysql-applied-migrations'
import { presentMysqlTables } from './mysql-present-tables'
import { createMysqlScratchDatabase } from './mysql-scratch-database'
import { mysqlMigrationScript } from './mysql-migration-script'
import { lockMysqlRunner } from './mysql-runner-lock'
import { backupMysql, mysqlBackupName } from './mysql-backup'
import { mysqlTimeoutStatements } from './mysql-timeouts'
import { compileMysql } from './mysql-compiler'
import { mysqlTypeormRecords, mysqlReadTypeormRecords } from './mysql-typeorm-records'
import { firstProbedRowMysql, measureMysql } from './mysql-probes'
import { type MysqlServer, atLeast, strictMode } from './mysql-server'
import { renamedSources } from './mysql-view-breaking'
import { doubleQuotedTexts } from './mysql-expressions'
import { mysqlTableReadFailure } from './mysql-table-read-failure'
import { mysqlOnlyReadRows } from './mysql-read-result'
import { losesCharacters } from './mysql-charset-narrowing'

/** namesInDoubleQuotes are those of `columns` (whose names ignore case) that `expression` writes in double quotes. */
function namesInDoubleQuotes(expression: string, columns: readonly string[]): string[] {
  const quoted = new Set(doubleQuotedTexts(expression).map((text) => text.toLowerCase()))
  return columns.filter((column) => quoted.has(column.toLowerCase()))
}

/**
 * mysqlDialectAt is the dialect serving TypeORM's `mysql` and `mariadb` DataSources as the server `server`
 * speaks it; undefined before a connection has told (the SQL then suits both MySQL 8 and MariaDB 10.5+).
 */
export function mysqlDialectAt(server: MysqlServer | undefined): Dialect {
  return {
    name: server?.product ?? 'mysql',
    capabilities: {
      schemas: false,
      enumTypes: false,
      extensions: false,
      transactionalDdl: false,
      foreignKeysNeedIndexes: true,
      ...(referencesAnyIndex(server) && { referencesAnyIndex: true }),
      columnNamesIgnoreCase: true,
      renamesInPlace: true,
      indexNameCase: 'ignored',
      indexNamesApart: true,
      schemaWideNames: checkNamesPerSchema(server) ? ['foreign key', 'check'] : ['foreign key'],
      replacesViews: true,
      implicitDefaults: true,
      typesWithoutImplicitDefault: [...mysqlSpatialTypes],
      enumPositions: true,
      partialIndexes: false,
      ...(server !== undefined && !strictMode(server) && { truncatesOnNarrowing: true }),
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
    alignWithLive: withLiveRestrictSpelling,
    appliedMigrations: appliedMysqlMigrations,
    presentTables: presentMysqlTables,
    tableReadFailure: mysqlTableReadFailure,
    compile: (changes) => compileMysql(changes, server),
    typeormRecords: mysqlTypeormRecords,
    readTypeormRecords: mysqlReadTypeormRecords,
    viewBreakingChanges: renamedSources,
    classifyTypeChange: classifyMysqlTypeChange,
    namesReadAsStrings: (expression, columns) => (server?.sqlMode.includes('ANSI_QUOTES') === true ? [] : namesInDoubleQuotes(expression, columns)),
    measure: measureMysql,
    firstProbedRowSql: firstProbedRowMysql,
    createScratchDatabase: createMysqlScratchDatabase,
    migrationScript: mysqlMigrationScript,
    lockRunner: lockMysqlRunner,
    backup: backupMysql,
    backupName: mysqlBackupName,
    onlyReadRows: mysqlOnlyReadRows,
    losesCharacters,
    enumLabelKey: mysqlEnumLabelKey,
    timeoutStatements: mysqlTimeoutStatements,
  }
}

/** checkNamesPerSchema: MySQL enforces CHECK constraints from 8.0.16, each name unique in the database; MariaDB's are the table's own. */
/**
 * referencesAnyIndex: a foreign key may reference the leading columns of any index, as InnoDB takes them, but
 * on MySQL 8.4 and later, which refuse one whose columns are no unique key's (restrict_fk_on_non_standard_key,
 * on by default). A server not known yet is taken to allow it.
 */
function referencesAnyIndex(server: MysqlServer | undefined): boolean {
  return server === undefined || server.product === 'mariadb' || !atLeast(server, 8, 4, 0)
}

function checkNamesPerSchema(server: MysqlServer | undefined): boolean {
  return server !== undefined && server.product === 'mysql' && atLeast(server, 8, 0, 16)
}

/** mysqlDialect serves TypeORM's `mysql` and `mariadb` DataSources until a connection tells which server it is. */
export const mysqlDialect: Dialect = mysqlDialectAt(undefined)
