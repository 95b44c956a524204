import { existsSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { type DataSource, type DataSourceOptions, type MigrationInterface, MigrationExecutor, type QueryRunner, TypeORMError } from 'typeorm'
import { dialectFor } from '../dialect/dialect-for'
import type { LoadedProject } from '../source/load-config'
import { migrationNamesIn } from '../source/migration-files'
import { isTypeScriptSource, scriptBaseName } from '../source/script-extensions'
import { migrationsEntries } from '../source/migrations-dir'
import { withFolderMigrationClasses } from './folder-migration-classes'
import { withSynchronousRequires } from '../source/synchronous-requires'
import { buildEntityMetadata } from '../source/build-metadata'
import { withDistinctEntitySchemas } from '../source/distinct-entity-schemas'
import { nameMigrationErrors } from './named-migration-errors'
import { frameMigrationsOutsideTransactions } from './outside-transaction-framing'
import { UserError } from '../source/user-error'
import { migrationNameOf } from '../source/migration-name'
import { type DowngradeTarget, type UpgradeTarget, planDowngrade, planUpgrade, recordedFrom } from './run-plan'
import { inRunOrder } from './migration-target'
import { plannedBackup } from './backup-before-run'
import { type RunSafety, guardMigrations } from './run-safety'
import { withRunnerLock } from './runner-lock'
import { refuseStopsAhead } from './later-down-stops'
import { createMigrationsTableSchema } from './migrations-table-schema'
import { refuseTransactionModeOverrides } from './transaction-mode-overrides'
import { revertsInTransaction, transactionModeOf } from './transaction-mode'
import { migrationExecutor } from './migration-executor'
import { explainEndedTransaction, watchEndedTransactions } from './ended-transactions'

/**
 * knownMigrations names the project's migrations as TypeORM records them: the DataSource's `loaded`
 * migrations, then those of the files in `migrationsDir` (and its `subfolders`, see migrationFilesIn) it did
 * not load (read, not loaded).
 */
export function knownMigrations(loaded: readonly string[], migrationsDir: string, subfolders: boolean): string[] {
  const files = migrationNamesIn(migrationsDir, subfolders)
  return [...new Set([...loaded, ...files])]
}

/** BeforeUpgrade is told, before `upgrade` (or its dry run) runs them, the migrations to run, those applied and those the project knows. */
export type BeforeUpgrade = (toRun: readonly string[], applied: readonly string[], known: readonly string[]) => void

/**
 * upgrade runs the pending migrations up to `target` (by default all) through TypeORM's own migration
 * runner, each in its own transaction unless the DataSource says otherwise, and returns the names it
 * applied. `beforeRun` is told the names about to run and those applied first, on the same connection. It holds the
 * migrations lock throughout (see RunSafety). A database that does not exist yet is created only once the target
 * is known to be one to run to: a NAME that matches nothing, or more steps than are pending, is refused first.
 */
export async function upgrade(
  project: LoadedProject, target: UpgradeTarget = {}, beforeRun?: BeforeUpgrade, safety: RunSafety = {},
): Promise<string[]> {
  if (databaseIsAbsent(project)) {
    await withConnection(project, async (dataSource) => {
      const { pending, applied } = await recordedState(dataSource)
      planUpgrade(pending, applied, target)
    }, 'reads')
  }
  return withRunnerLock(project, safety.lockWait ?? {}, () => withConnection(project, async (dataSource) => {
    guardMigrations(dataSource, safety)
    const backup = safety.backup && plannedBackup(dataSource.options, safety.backup)
    const { pending, applied } = await recordedState(dataSource)
    const toRun = planUpgrade(pending, applied, target)
    refuseTransactionModeOverrides(transactionModeOf(dataSource),
      dataSource.migrations.filter((m) => toRun.includes(migrationNameOf(m))).map((instance) => ({ name: migrationNameOf(instance), instance })))
    beforeRun?.(toRun, applied, knownMigrations(dataSource.migrations.map(migrationNameOf), project.migrationsDir, project.migrationsInSubfolders))
    if (toRun.length === 0) return []
    await backup?.()
    return runOnly(dataSource, pending, toRun)
  }))
}

/** runOnly has TypeORM's runner apply `toRun` of the `pending` migrations, and returns the names it applied. */
async function runOnly(dataSource: DataSource, pending: readonly string[], toRun: readonly string[]): Promise<string[]> {
  const held = new Set(pending.filter((name) => !toRun.includes(name)))
  // TypeORM runs every pending migration it is given: those beyond the target are kept from it.
  Object.assign(dataSource, { migrations: dataSource.migrations.filter((m) => !held.has(migrationNameOf(m))) })
  return applyPending(dataSource)
}

/**
 * applyPending has TypeORM's runner apply every pending migration of a DataSource opened by openForMigrations,
 * and returns the names it applied.
 */
export async function applyPending(dataSource: DataSource): Promise<string[]> {
  await withQueryRunner(dataSource, async (runner) => {
    await createMigrationsTableSchema(runner)
    // TypeORM's executePendingMigrations before 0.3.13 never calls beforeMigration (typeorm#9775), where the
    // SQLite drivers turn foreign keys off: a parent table rebuilt by `up` had its DROP fail on the child rows,
    // or cascade to them. So the run is framed here too, before any transaction begins (SQLite ignores the
    // pragma inside one); on SQLite every query runner is the one connection, so the setting holds for the run.
    await runner.beforeMigration()
  })
  try {
    const ran = await dataSource.runMigrations({ transaction: transactionModeOf(dataSource) }).catch((err: unknown) => {
      throw explainEndedTransaction(dataSource, err)
    })
    return ran.map((m) => m.name)
  } finally {
    await withQueryRunner(dataSource, (runner) => runner.afterMigration())
  }
}

/** withQueryRunner runs `work` on a query runner of the DataSource, released after. */
async function withQueryRunner(dataSource: DataSource, work: (runner: QueryRunner) => Promise<void>): Promise<void> {
  const runner = dataSource.createQueryRunner()
  try {
    await work(runner)
  } finally {
    await runner.release()
  }
}

/** BeforeDowngrade is told, before `downgrade` (or its dry run) reverts them, the migrations to revert, latest first. */
export type BeforeDowngrade = (toRevert: readonly string[]) => Promise<void>

/**
 * downgrade reverts the applied migrations down to `target` (by default the last one), latest first, one
 * TypeORM revert each, and returns their names; `beforeRevert` is told them first. It reverts nothing when one of them has no file. With
 * `safety.backup`, it backs the database up before the first revert. It holds
 * the migrations lock throughout (see RunSafety). A database that does not exist yet has none applied: it is
 * read as empty, to answer as for one with none, and not created.
 */
export async function downgrade(
  project: LoadedProject, target: DowngradeTarget = {}, safety: RunSafety = {}, beforeRevert?: BeforeDowngrade,
): Promise<string[]> {
  if (databaseIsAbsent(project)) {
    if (safety.backup) plannedBackup(project.dataSource.options, safety.backup)
    return withConnection(project, (dataSource) => revertible(dataSource, target), 'reads')
  }
  return withRunnerLock(project, safety.lockWait ?? {}, () => withConnection(project, async (dataSource) => {
    guardMigrations(dataSource, safety)
    const backup = safety.backup && plannedBackup(dataSource.options, safety.backup)
    const toRevert = await revertible(dataSource, target)
    if (toRevert.length > 0) await beforeRevert?.(toRevert)
    await refuseStopsAhead(dataSource, toRevert)
    if (toRevert.length > 0) await backup?.()
    for (const _ of toRevert) await revertLast(dataSource)
    return toRevert
  }))
}

/** revertible names the migrations a downgrade to `target` reverts, latest first, when each has its file. */
export async function revertible(dataSource: DataSource, target: DowngradeTarget): Promise<string[]> {
  const { pending, applied } = await recordedState(dataSource, target.from)
  const toRevert = planDowngrade(applied, pending, target)
  const inProject = new Set(dataSource.migrations.map(migrationNameOf))
  const missing = toRevert.filter((name) => !inProject.has(name))
  if (missing.length > 0) {
    throw new UserError(`cannot revert ${missing.join(', ')}: applied to the database, but no migration file has it; switch branch or pull to get it, or remove its record with \`typeorm-autogen stamp --delete ${missing[0]}\``)
  }
  return toRevert
}

/** revertLast has TypeORM's runner revert the last applied migration of a DataSource opened by openForMigrations. */
export async function revertLast(dataSource: DataSource): Promise<void> {
  // TypeORM's undoLastMigration calls beforeMigration only once its transaction has begun, where SQLite
  // ignores `PRAGMA foreign_keys = OFF` (https://sqlite.org/pragma.html#pragma_foreign_keys): a parent
  // table rebuilt by `down` would then cascade its DROP to the child rows. So it is called here first.
  const queryRunner = dataSource.createQueryRunner()
  try {
    await queryRunner.beforeMigration()
    const undo = new MigrationExecutor(dataSource, queryRunner)
    const [last] = await undo.getExecutedMigrations()
    const instance = dataSource.migrations.find((m) => migrationNameOf(m) === last?.name)
    undo.transaction = revertsInTransaction(transactionModeOf(dataSource), instance) ? 'each' : 'none'
    await undo.undoLastMigration().catch((err: unknown) => {
      throw explainEndedTransaction(dataSource, err)
    })
    await queryRunner.afterMigration()
  } finally {
    await queryRunner.release()
  }
}

/**
 * recordedState is what TypeORM would run (pending, by timestamp) and what it would revert (applied, latest first);
 * with `from` (an offline range's start), that of a database at `from` instead of what the migrations table records.
 */
export async function recordedState(dataSource: DataSource, from?: string): Promise<{ pending: string[]; applied: string[] }> {
  if (from !== undefined) return recordedFrom(from, inRunOrder(dataSource.migrations.map(migrationNameOf)))
  const executor = migrationExecutor(dataSource)
  const applied = (await executor.getExecutedMigrations()).map((m) => m.name)
  const pending = (await executor.getPendingMigrations()).map((m) => m.name)
  return { pending, applied }
}

/**
 * ConnectionUse says what a command does with the database: `changes` its schema (upgrade, downgrade: TypeORM
 * connects as its own runner does, installing the extensions the entities use), `stamps` its migrations table
 * alone (stamp: the connection changes nothing else, see Dialect.connectOnlyToRead), `reads` it (status, show:
 * the connection changes nothing), or `records` what changing it would send (`--sql`, `--dry-run`): the
 * connection changes nothing, and what TypeORM's connect would have sent is kept for the script (see
 * deferredConnectionSetup). Read or recorded, a database that does not exist yet is not created: an empty one
 * stands in for it (see Dialect.absentDatabaseStandIn).
 */
export type ConnectionUse = 'changes' | 'stamps' | 'reads' | 'records'

const deferredSetups = new WeakMap<DataSource, readonly string[]>()

/** deferredConnectionSetup is what TypeORM's connect would have sent to a DataSource opened to `records` (see Dialect.connectionSetup). */
export function deferredConnectionSetup(dataSource: DataSource): readonly string[] {
  return deferredSetups.get(dataSource) ?? []
}

/** withConnection opens the project's DataSource for TypeORM's runner (openForMigrations), runs `work` and disconnects. */
export async function withConnection<T>(project: LoadedProject, work: (dataSource: DataSource) => Promise<T>, use: ConnectionUse = 'changes'): Promise<T> {
  const restore = use === 'reads' || use === 'records' ? standInForAbsentDatabase(project.dataSource) : () => {}
  try {
    const dataSource = await openForMigrations(project, use)
    try {
      return await work(dataSource)
    } finally {
      await dataSource.destroy()
    }
  } finally {
    restore()
  }
}

/** databaseIsAbsent says whether the project's database does not exist yet, so that connecting through TypeORM would create it. */
export function databaseIsAbsent(project: LoadedProject): boolean {
  const { options } = project.dataSource
  return dialectFor(options).absentDatabaseStandIn?.(options) !== undefined
}

/**
 * standInForAbsentDatabase points the DataSource at an empty database in place of its own where that does not
 * exist yet (see Dialect.absentDatabaseStandIn), and returns what points it back.
 */
function standInForAbsentDatabase(dataSource: DataSource): () => void {
  const standIn = dialectFor(dataSource.options).absentDatabaseStandIn?.(dataSource.options)
  if (standIn === undefined) return () => {}
  const own = Object.fromEntries(Object.keys(standIn).map((key) => [key, (dataSource.options as unknown as Record<string, unknown>)[key]]))
  dataSource.setOptions(standIn as Partial<DataSourceOptions>)
  return () => dataSource.setOptions(own as Partial<DataSourceOptions>)
}

/**
 * runsMigrationsFolder says whether the runner loads the files of the migrations folder beside the DataSource's
 * migrations: when autogen.migrationsDir names the folder or the DataSource lists none. Else it runs the
 * DataSource's alone, and a file of the folder its globs do not load (another database's, by a prefix) never runs.
 */
export function runsMigrationsFolder(project: LoadedProject): boolean {
  return migrationsEntries(project.dataSource).length === 0 || Boolean(project.settings.migrationsDir)
}

/**
 * openForMigrations connects the project's DataSource for TypeORM's runner, its migrations those the
 * DataSource lists plus the files of the migrations folder (when it is set or the DataSource names none), and
 * names the migration that fails (see nameMigrationErrors) or that ends the transaction it ran in (see
 * watchEndedTransactions). The caller destroys it.
 */
export async function openForMigrations(project: LoadedProject, use: ConnectionUse = 'changes'): Promise<DataSource> {
  const { dataSource } = project
  const folderGlob = join(project.migrationsDir, '*.{ts,js,cjs,mjs}')
  const ownMigrations = dataSource.options.migrations
  // The folder is in the options only while TypeORM loads the migrations: a comparison after the run reads the DataSource's own.
  if (runsMigrationsFolder(project)) dataSource.setOptions({ migrations: [...migrationsEntries(dataSource), folderGlob] })
  const withFolderClasses = <T>(work: () => Promise<T>) => withFolderMigrationClasses(folderGlob, work)
  dataSource.setOptions({ synchronize: false, migrationsRun: false, dropSchema: false })
  const dialect = dialectFor(dataSource.options)
  try {
    // Loading the entity and migration files first keeps their errors (a missing module, a syntax error, an
    // entity TypeORM rejects) apart from the driver failing to connect; initialize() reuses the loaded modules.
    await withFolderClasses(() => buildEntityMetadata(dataSource))
    if (use !== 'changes' && dialect.connectOnlyToRead !== undefined) {
      if (use === 'records') deferredSetups.set(dataSource, (await dialect.connectionSetup?.(dataSource)) ?? [])
      dataSource.setOptions(dialect.connectOnlyToRead as Partial<DataSourceOptions>)
    }
    await withSynchronousRequires(() => withFolderClasses(() => withDistinctEntitySchemas(() => dataSource.initialize()))).catch((err: unknown) => {
      throw err instanceof TypeORMError ? err : dialect.connectionError(dataSource.options, err)
    })
  } finally {
    dataSource.setOptions({ migrations: ownMigrations })
  }
  // A driver that opens its file lazily (better-sqlite3 opens any file) finds it is no database only at the
  // first statement: ask one here, so that it reads as the connection error every command gives.
  await dataSource.query('SELECT 1').catch(async (err: unknown) => {
    await dataSource.destroy()
    throw dialect.connectionError(dataSource.options, (err as { driverError?: unknown }).driverError ?? err)
  })
  dropTwiceLoadedMigrations(dataSource, project.migrationsDir)
  frameMigrationsOutsideTransactions(dataSource)
  nameMigrationErrors(dataSource)
  watchEndedTransactions(dataSource)
  return dataSource
}

/**
 * dropTwiceLoadedMigrations keeps one migration of each name: a class both listed and loaded from the
 * migrations folder once, and of a migration whose build output the DataSource's globs load too
 * (`dist/migrations/*.js` beside the folder `src/migrations`, or a `.js` built beside its `.ts` in the
 * folder), the folder's TypeScript copy, which `generate` wrote.
 */
function dropTwiceLoadedMigrations(dataSource: DataSource, folder: string): void {
  const fileOf = classFilesIn(folder)
  // The folder's copy wins over another folder's; within the folder, the TypeScript source over its build beside it.
  const rank = (m: MigrationInterface) => {
    const file = fileOf.get(m.constructor)
    return file === undefined ? 0 : isTypeScriptSource(file) ? 2 : 1
  }
  const kept: MigrationInterface[] = []
  for (const migration of dataSource.migrations) {
    if (kept.some((k) => k.constructor === migration.constructor)) continue
    const twin = kept.findIndex((k) => migrationNameOf(k) === migrationNameOf(migration) && rank(k) !== rank(migration) && sameSource(fileOf.get(k.constructor), fileOf.get(migration.constructor)))
    if (twin < 0) kept.push(migration)
    else if (rank(migration) > rank(kept[twin]!)) kept[twin] = migration
  }
  if (kept.length < dataSource.migrations.length) Object.assign(dataSource, { migrations: kept })
}

/** sameSource: two migration files of one name may be one migration and its build: one outside the folder, or both in it under one base name. */
function sameSource(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || scriptBaseName(a) === scriptBaseName(b)
}

/** classFilesIn are the values exported by the loaded modules of the files in `folder`, each with its file. */
function classFilesIn(folder: string): Map<unknown, string> {
  const classes = new Map<unknown, string>()
  const real = existsSync(folder) ? realpathSync(folder) : folder
  for (const [file, loaded] of Object.entries(require.cache)) {
    if (loaded === undefined || (dirname(file) !== folder && dirname(file) !== real)) continue
    const exported: unknown = loaded.exports
    if (typeof exported === 'function') classes.set(exported, file)
    else if (exported !== null && typeof exported === 'object') for (const value of Object.values(exported)) classes.set(value, file)
  }
  return classes
}
