import { join } from 'node:path'
import { type DataSource, type MigrationInterface, MigrationExecutor, TypeORMError } from 'typeorm'
import { dialectFor } from '../dialect/dialect-for'
import type { LoadedProject } from '../source/load-config'
import { migrationFilesIn } from '../source/migration-files'
import { buildEntityMetadata } from '../source/build-metadata'
import { nameMigrationErrors } from './named-migration-errors'

/** MigrationStatus is one migration known to the project, applied or not, or applied to the database only. */
export interface MigrationStatus {
  readonly name: string
  readonly applied: boolean
  /** False for a migration the database applied but the project lacks (another branch's): no file has it. */
  readonly inProject: boolean
}

/** migrationNameOf is a migration's name as TypeORM records it: its `name`, else its class name. */
export function migrationNameOf(migration: MigrationInterface): string {
  return migration.name ?? migration.constructor.name
}

/**
 * knownMigrations names the project's migrations as TypeORM records them: the DataSource's loaded
 * migrations, then those of the files in `migrationsDir` it did not load (read, not loaded).
 */
export function knownMigrations(dataSource: DataSource, migrationsDir: string): string[] {
  const files = migrationFilesIn(migrationsDir).flatMap((f) => (f.name === undefined ? [] : [f.name]))
  return [...new Set([...dataSource.migrations.map(migrationNameOf), ...files])]
}

/**
 * upgrade runs every pending migration through TypeORM's own migration runner, each in its own transaction
 * unless the DataSource says otherwise, and returns the names it applied. `beforeRun` is told the pending
 * migrations' names first, on the same connection.
 */
export async function upgrade(project: LoadedProject, beforeRun?: (pending: readonly string[]) => void): Promise<string[]> {
  return withConnection(project, (dataSource) => applyPending(dataSource, beforeRun))
}

/** applyPending is `upgrade` on a DataSource opened by openForMigrations. */
export async function applyPending(dataSource: DataSource, beforeRun?: (pending: readonly string[]) => void): Promise<string[]> {
  if (beforeRun !== undefined) {
    beforeRun((await new MigrationExecutor(dataSource).getPendingMigrations()).map((m) => m.name))
  }
  const applied = await dataSource.runMigrations({
    transaction: dataSource.options.migrationsTransactionMode ?? 'each',
  })
  return applied.map((m) => m.name)
}

/** downgrade reverts the most recently applied migration and returns its name, or undefined when none is applied. */
export async function downgrade(project: LoadedProject): Promise<string | undefined> {
  return withConnection(project, revertLast)
}

/** revertLast is `downgrade` on a DataSource opened by openForMigrations. */
export async function revertLast(dataSource: DataSource): Promise<string | undefined> {
  const executor = new MigrationExecutor(dataSource)
  const executed = await executor.getExecutedMigrations()
  if (executed.length === 0) return undefined
  const last = [...executed].sort((a, b) => b.timestamp - a.timestamp || b.id! - a.id!)[0]
  // TypeORM's undoLastMigration calls beforeMigration only once its transaction has begun, where SQLite
  // ignores `PRAGMA foreign_keys = OFF` (https://sqlite.org/pragma.html#pragma_foreign_keys): a parent
  // table rebuilt by `down` would then cascade its DROP to the child rows. So it is called here first.
  const queryRunner = dataSource.createQueryRunner()
  try {
    await queryRunner.beforeMigration()
    const undo = new MigrationExecutor(dataSource, queryRunner)
    undo.transaction = dataSource.options.migrationsTransactionMode ?? 'each'
    await undo.undoLastMigration()
    await queryRunner.afterMigration()
  } finally {
    await queryRunner.release()
  }
  return last.name
}

/**
 * migrationStatus lists the project's migrations in order with whether each is applied, then the applied
 * migrations neither the DataSource nor the migrations folder has.
 */
export async function migrationStatus(project: LoadedProject): Promise<MigrationStatus[]> {
  return withConnection(project, async (dataSource) => {
    const executed = await new MigrationExecutor(dataSource).getExecutedMigrations()
    const applied = new Set(executed.map((m) => m.name))
    const known = new Set(knownMigrations(dataSource, project.migrationsDir))
    return [
      ...dataSource.migrations.map(migrationNameOf).map((name) => ({ name, applied: applied.has(name), inProject: true })),
      ...executed.filter((m) => !known.has(m.name)).map((m) => ({ name: m.name, applied: true, inProject: false })),
    ]
  })
}

async function withConnection<T>(project: LoadedProject, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await openForMigrations(project)
  try {
    return await work(dataSource)
  } finally {
    await dataSource.destroy()
  }
}

/**
 * openForMigrations connects the project's DataSource for TypeORM's runner, its migrations read from the
 * migrations folder, and names the migration that fails (see nameMigrationErrors). The caller destroys it.
 */
export async function openForMigrations(project: LoadedProject): Promise<DataSource> {
  const { dataSource } = project
  const migrations = dataSource.options.migrations
  const declared = Array.isArray(migrations) ? migrations.length > 0 : migrations !== undefined
  if (!declared || project.settings.migrationsDir) {
    // The folder replaces the DataSource's globs (they load its build output); classes it lists stay.
    const classes = Array.isArray(migrations) ? migrations.filter((m) => typeof m === 'function') : []
    dataSource.setOptions({ migrations: [...classes, join(project.migrationsDir, '*.{ts,js,cjs,mjs}')] })
  }
  dataSource.setOptions({ synchronize: false, migrationsRun: false, dropSchema: false })
  // Loading the entity and migration files first keeps their errors (a missing module, a syntax error, an
  // entity TypeORM rejects) apart from the driver failing to connect; initialize() reuses the loaded modules.
  await buildEntityMetadata(dataSource)
  await dataSource.initialize().catch((err: unknown) => {
    throw err instanceof TypeORMError ? err : dialectFor(dataSource.options).connectionError(dataSource.options, err)
  })
  dropTwiceLoadedMigrations(dataSource)
  nameMigrationErrors(dataSource)
  return dataSource
}

/** dropTwiceLoadedMigrations keeps one instance of a class both listed and loaded from the migrations folder. */
function dropTwiceLoadedMigrations(dataSource: DataSource): void {
  const seen = new Set<unknown>()
  const once = dataSource.migrations.filter((m) => !seen.has(m.constructor) && seen.add(m.constructor))
  if (once.length < dataSource.migrations.length) Object.assign(dataSource, { migrations: once })
}
