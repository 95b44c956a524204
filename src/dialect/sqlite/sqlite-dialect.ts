import { appliedSqliteMigrations } from './sqlite-applied-migrations'
import type { Dialect } from '../dialect'
import { presentSqliteTables } from './sqlite-present-tables'
import { sqliteMigrationScript } from './sqlite-migration-script'
import { compileSqlite, rebuiltTables } from './sqlite-compiler'
import { sqliteTypeormRecords, sqliteReadTypeormRecords } from './sqlite-typeorm-records'
import { connectSqlite, describeSqliteTarget, sqliteAbsentDatabaseStandIn, sqliteConnectionError } from './sqlite-connection'
import { introspectSqlite } from './sqlite-introspector'
import { normalizeSqliteModel } from './sqlite-normalize'
import { firstProbedRowSqlite, measureSqlite } from './sqlite-probes'
import { quoteIdent } from './sqlite-quote'
import { createSqliteScratchDatabase } from './sqlite-scratch-database'
import { classifySqliteTypeChange } from './sqlite-type-change'
import { sqliteTypeFamilies, sqliteTypeLimits } from './sqlite-type-families'
import { lockSqliteRunner } from './sqlite-runner-lock'
import { backupSqlite, sqliteBackupName } from './sqlite-backup'

/**
 * sqliteDialect serves TypeORM DataSources of type `better-sqlite3` and `sqlite` (see SQLITE_TYPEORM_TYPES):
 * it reads a database file read-only and compiles operations into SQLite DDL, rebuilding a table where
 * ALTER TABLE cannot make a change.
 */
export const sqliteDialect: Dialect = {
  name: 'sqlite',
  capabilities: {
    viewsFollowColumnRenames: true,
    schemas: false,
    enumTypes: false,
    extensions: false,
    triggersTrackColumns: true,
    transactionalDdl: true,
    columnNamesIgnoreCase: true,
    indexNameCase: 'ignored',
    enumArraysAsLists: true,
    unenforcedTypeParameters: true,
    looseTypes: true,
    foreignKeysMayNameMissingTables: true,
    schemaWideNames: ['index'],
    typeFamilies: sqliteTypeFamilies,
    typeLimits: sqliteTypeLimits,
  },
  quoteIdent,
  connect: connectSqlite,
  describeTarget: describeSqliteTarget,
  absentDatabaseStandIn: sqliteAbsentDatabaseStandIn,
  connectionError: sqliteConnectionError,
  introspect: introspectSqlite,
  normalize: normalizeSqliteModel,
  appliedMigrations: appliedSqliteMigrations,
  presentTables: presentSqliteTables,
  compile: compileSqlite,
  typeormRecords: sqliteTypeormRecords,
  readTypeormRecords: sqliteReadTypeormRecords,
  // A rebuilt table is dropped and another renamed into its place: SQLite then finds its views broken.
  viewBreakingChanges: rebuiltTables,
  classifyTypeChange: classifySqliteTypeChange,
  measure: measureSqlite,
  firstProbedRowSql: firstProbedRowSqlite,
  createScratchDatabase: createSqliteScratchDatabase,
  migrationScript: sqliteMigrationScript,
  lockRunner: lockSqliteRunner,
  backup: backupSqlite,
  backupName: sqliteBackupName,
}
