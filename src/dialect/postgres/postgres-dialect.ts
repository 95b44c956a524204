import { appliedPostgresMigrations } from './postgres-applied-migrations'
import type { Dialect } from '../dialect'
import { presentPostgresTables } from './postgres-present-tables'
import { postgresMigrationScript } from './postgres-migration-script'
import { compilePostgres } from './postgres-compiler'
import { postgresTypeormRecords, postgresReadTypeormRecords } from './postgres-typeorm-records'
import { retypedColumns } from './postgres-view-breaking'
import { connectPostgres, describePostgresTarget, postgresConnectionError } from './postgres-connection'
import { introspectPostgres } from './postgres-introspector'
import { quoteIdent, storedIdentifier } from './postgres-quote'
import { createPostgresScratchDatabase } from './postgres-scratch-database'
import { normalizePostgres, settingsFrom } from './postgres-normalize'
import { firstProbedRowPostgres, measurePostgres } from './postgres-probes'
import { reconcilePostgres } from './postgres-reconcile'
import { classifyPostgresTypeChange } from './postgres-type-change'
import { postgresTypeFamilies, postgresTypeLimits } from './postgres-type-families'
import { lockPostgresRunner } from './postgres-runner-lock'
import { searchSchema } from './postgres-search-schema'
import { backupPostgres, postgresBackupName } from './postgres-backup'
import { postgresTimeoutStatements } from './postgres-timeouts'
import { postgresTableReadFailure } from './postgres-table-read-failure'
import { postgresConnectionSetup } from './postgres-connection-setup'

/**
 * postgresDialect serves TypeORM's `postgres` DataSources. Without DataSource options, `normalize` assumes
 * TypeORM's own defaults: `uuid_generate_v4()` for generated uuids, and tables that declare no schema in the
 * connection's current_schema(), which `atServer` reads; with no connection, `public`.
 */
export const postgresDialect: Dialect = postgresDialectIn('public')

/** postgresDialectIn is the dialect on a connection whose current_schema() is `currentSchema` (see settingsFrom). */
function postgresDialectIn(currentSchema: string | undefined): Dialect {
  return {
    name: 'postgres',
    capabilities: {
      schemas: true,
      enumTypes: true,
      retypeRewritesPredicates: true,
      extensions: true,
      triggersTrackColumns: true,
      transactionalDdl: true,
      columnArrays: true,
      identityColumns: true,
      concurrentIndexes: true,
      notValidConstraints: true,
      renamesInPlace: true,
      indexNameCase: 'folds-unquoted',
      replacesViews: true,
      viewsFollowColumnRenames: true,
      caseInsensitiveTypes: ['citext'],
      schemaWideNames: ['index', 'unique', 'primary key', 'exclusion'],
      typeFamilies: postgresTypeFamilies,
      typeLimits: postgresTypeLimits,
    },
    quoteIdent,
    connect: connectPostgres,
    connectOnlyToRead: { installExtensions: false },
    connectionSetup: postgresConnectionSetup,
    describeTarget: describePostgresTarget,
    connectionError: postgresConnectionError,
    introspect: introspectPostgres,
    normalize: (model, options) => normalizePostgres(model, settingsFrom(options, currentSchema)),
    storedName: storedIdentifier,
    reconcile: reconcilePostgres,
    appliedMigrations: appliedPostgresMigrations,
    presentTables: presentPostgresTables,
    tableReadFailure: postgresTableReadFailure,
    compile: compilePostgres,
    typeormRecords: postgresTypeormRecords,
    readTypeormRecords: postgresReadTypeormRecords,
    viewBreakingChanges: retypedColumns,
    classifyTypeChange: classifyPostgresTypeChange,
    measure: measurePostgres,
    firstProbedRowSql: firstProbedRowPostgres,
    createScratchDatabase: createPostgresScratchDatabase,
    migrationScript: postgresMigrationScript,
    lockRunner: lockPostgresRunner,
    backup: backupPostgres,
    backupName: postgresBackupName,
    timeoutStatements: postgresTimeoutStatements,
    atServer: async (connection) => postgresDialectIn(await searchSchema(connection)),
  }
}
