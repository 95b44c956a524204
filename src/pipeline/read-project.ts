import { refuseReferencesToAbsentTables } from './absent-referenced-tables'
import { withoutArrayDefaults } from './array-columns'
import type { DatabaseConnection, Dialect } from '../dialect/dialect'
import { dialectFor } from '../dialect/dialect-for'
import { keepingTypeormRecords } from './typeorm-records-dialect'
import type { SchemaModel } from '../model/schema-model'
import type { DeclaredFacts } from '../source/declared-facts'
import { cachedEntityReading } from '../source/entity-cache'
import type { EntityReadResult } from '../source/entity-metadata'
import { UserError } from '../source/user-error'
import { type EntityReading, readEntityReading } from '../source/entity-reading'
import type { LoadedProject } from '../source/load-config'
import { type DatabaseReadAhead, readDatabaseAgainIfFailed, readDatabaseAhead } from './database-read-ahead'
import { type SnapshotRead, readEntitiesSnapshot } from './entities-snapshot'
import type { RenameHint } from '../diff/rename-types'
import type { RenameTarget } from '../source/rename-hints'
import { refuseEarlyContract } from './expand-contract-finish'
import { type ExpandRecord, openExpands } from './expand-contract-record'
import { formerColumns } from './former-columns'
import { formerTables, tableRenamesOf } from './former-tables'
import { ignoredTables, tablesNeverRead } from './ignored-tables'
import { queryResultCacheToMake, withQueryResultCache } from './query-result-cache'
import { keepingSkippedViews } from './kept-views'
import { keepingSkippedIndexes } from './leave-alone'
import { storedRecords } from '../plan/typeorm-records'
import { refuseNoEntities } from './no-entities-guard'
import { refuseRepeatedIndexNames } from './repeated-index-names'
import { refuseSchemaWideNameClashes } from './schema-wide-name-clash'
import { type MigrationHistory, migrationHistory, refuseUnapplied } from './unapplied-migrations'
import { runsMigrationsFolder } from '../runner/migration-runner'
import type { CompareOptions } from './compare-project'
import { withDatabaseNamesOfDuplicates } from './duplicate-unique-names'
import { wantedDeclaredFacts } from './wanted-declared-facts'
import { formerSchemaTables } from './former-schemas'
import { movedFromSchemas, movedTables } from './moved-from-schemas'
import { onlyTablesNamed } from './tables-read-alone'

/** ProjectReading is everything comparing a project reads: the entities, the database, the migrations. */
export interface ProjectReading {
  readonly dialect: Dialect
  readonly entities: EntityReadResult
  /** What the dialect's reconcile could not settle (a default the database refuses for its column's type). */
  readonly reconcileWarnings: readonly string[]
  /** Who declares each entity table's columns, for rename advice. */
  readonly renameTargets: readonly RenameTarget[]
  /** Tables never read or diffed (see IntrospectionScope.ignoreTables). */
  readonly ignore: readonly string[]
  /** The database's schema, normalized. */
  readonly actual: SchemaModel
  /** The entities' schema, normalized and reconciled with the database's spellings. */
  readonly desired: SchemaModel
  readonly declaredFacts: DeclaredFacts
  readonly snapshot: SnapshotRead
  /** Catalog queries issued while reading the database. */
  readonly queryCount: number
  readonly history: MigrationHistory
  /** The applied expand migrations whose contract is not written yet. */
  readonly contractDue: readonly ExpandRecord[]
  /** The read-only connection, still open: the measure step counts through it, then the caller closes it. */
  readonly connection: DatabaseConnection
}

/**
 * readProject reads the entities and, through a read-only connection it leaves open, the live database and
 * its migrations; it stops (UserError) where options say the migrations refuse. All the I/O of a comparison
 * but counting the hazards' rows.
 */
export async function readProject(project: LoadedProject, options: CompareOptions): Promise<ProjectReading> {
  const { dataSource, settings } = project
  const baseDialect = dialectFor(dataSource.options)
  const connect = options.connect ?? (() => baseDialect.connect(dataSource.options))
  const readAhead = () => readDatabaseAhead(baseDialect, dataSource.options, connect, storedNames(baseDialect, tablesNeverRead(dataSource, settings)))
  let database = readAhead()
  let reading: EntityReading
  try {
    reading = await cachedEntityReading(project, () => readEntityReading(dataSource))
  } catch (err) {
    await database.closeQuietly()
    throw err
  }
  database = await readDatabaseAgainIfFailed(database, readAhead)
  try {
    // The dialect comes once connected: a connection that failed fails here.
    return await readWith(project, options, reading, await database.dialect(), database)
  } catch (err) {
    await database.closeQuietly()
    throw withStackedDecorators(err, reading.entities)
  }
}

/**
 * withStackedDecorators adds to a refusal the warnings of properties carrying two column decorators: TypeORM took
 * the column's options from one of them, so a refusal may name a type the user does not see written
 * (`@Column({ type: 'bigint', generated: 'increment' }) @PrimaryColumn() id: string` is a varchar), and the
 * warnings, printed once the run ends, would never show.
 */
function withStackedDecorators(err: unknown, entities: EntityReadResult): unknown {
  if (!(err instanceof UserError) || err.constructor !== UserError || entities.stackedDecorators.length === 0) return err
  return new UserError(`${err.message} (${entities.stackedDecorators.join('; ')})`, { cause: err })
}

async function readWith(project: LoadedProject, options: CompareOptions, reading: EntityReading, dialect: Dialect, database: DatabaseReadAhead): Promise<ProjectReading> {
  const { dataSource, settings } = project
  const { entities } = reading
  const connection = await database.connection()
  const skipped = entities.skippedTables.map((t) => t.name)
  const ignore = storedNames(dialect, [...ignoredTables(dataSource, settings), ...skipped])
  const neverRead = storedNames(dialect, [...tablesNeverRead(dataSource, settings), ...skipped])
  const cache = await queryResultCacheToMake(dataSource, dialect, neverRead)
  const normalized = dialect.normalize(withoutArrayDefaults(entities.model, dialect.capabilities), dataSource.options)
  const entityWanted = {
    ...normalized,
    tables: normalized.tables.filter((t) => !ignore.includes(t.name)),
    views: normalized.views.filter((v) => !ignore.includes(v.name)),
  }
  refuseSchemaWideNameClashes(entityWanted, dialect.capabilities)
  const declaredFacts = wantedDeclaredFacts(reading.declaredFacts, entities.model.tables, entityWanted.tables, ignore, dialect.storedName)
  const snapshot = readEntitiesSnapshot(project.migrationsDir)
  const hints = [...(options.renames ?? []), ...entities.renameHints].filter((h): h is RenameHint => h.kind !== 'label')
  const movedFrom = dialect.capabilities.schemas ? movedFromSchemas(hints, entityWanted.schemas) : []
  const former = dialect.capabilities.schemas ? formerSchemaTables(snapshot, [...entityWanted.schemas, ...movedFrom]) : []
  const readForTables = [...movedFrom, ...new Set(former.map((t) => t.schema!))]
  const schemas = dialect.capabilities.schemas ? [...entityWanted.schemas, ...readForTables] : undefined
  const read = onlyTablesNamed(await database.introspect({ schemas, ignoreTables: neverRead }), readForTables, [...movedTables(hints), ...former])
  const { introspected, wanted } = withQueryResultCache(read, entityWanted, cache)
  refuseNoEntities(dataSource, reading.metadataCount, introspected)
  const tableRenames = tableRenamesOf(hints, introspected, wanted)
  const formerTable = formerTables(tableRenames)
  const keeping = keepingSkippedViews(wanted, introspected, entities.skippedViews)
  const reconcileWarnings: string[] = []
  const reconciled = dialect.reconcile
    ? await dialect.reconcile(keeping, introspected, connection, formerTable, formerColumns(hints, tableRenames, introspected, wanted), (sentence) => reconcileWarnings.push(sentence))
    : keeping
  refuseRepeatedIndexNames(reconciled)
  const { actual, desired } = keepingSkippedIndexes(introspected, withDatabaseNamesOfDuplicates(reconciled, introspected), entities.skippedIndexes, formerTable, dialect)
  const queryCount = connection.queryCount
  const stored = storedRecords(actual, await dialect.readTypeormRecords(connection, dataSource.options))
  const history = await migrationHistory(dataSource, reading.migrationNames, project.migrationsDir, project.migrationsInSubfolders, runsMigrationsFolder(project), dialect, connection)
  const open = openExpands(project.migrationsDir, project.migrationsInSubfolders)
  const applied = new Set(history.applied)
  if (options.strategy === 'contract') refuseEarlyContract(open, applied, project.migrationsDir)
  const contractDue = open.filter((r) => applied.has(r.migration))
  if (options.refuseUnappliedMigrations === true) {
    refuseUnapplied(history)
    await refuseReferencesToAbsentTables(desired, actual, dialect, connection, dataSource.options)
  }
  return {
    dialect: keepingTypeormRecords(dialect, dataSource.options, stored), entities, reconcileWarnings, renameTargets: reading.renameTargets, ignore, actual, desired, declaredFacts, snapshot, queryCount, history, contractDue, connection,
  }
}

/** storedNames are table names as the database keeps them (see Dialect.storedName), to meet the names it reports. */
function storedNames(dialect: Dialect, names: readonly string[]): string[] {
  return names.map((name) => dialect.storedName?.(name) ?? name)
}
