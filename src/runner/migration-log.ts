import type { DataSource } from 'typeorm'
import type { LoadedProject } from '../source/load-config'
import { migrationFilesIn } from '../source/migration-files'
import { migrationNameOf } from '../source/migration-name'
import { knownMigrations, withConnection } from './migration-runner'
import { migrationExecutor } from './migration-executor'
import { inRunOrder, timestampOf } from './migration-target'

/** MigrationState is where a migration stands: applied, pending, or applied to the database only (no file has it). */
export type MigrationState = 'applied' | 'pending' | 'unknown'

/** MigrationEntry is one migration known to the project or recorded by the database. */
export interface MigrationEntry {
  readonly name: string
  /** The 13-digit timestamp TypeORM reads at the end of the name. */
  readonly timestamp?: number
  readonly state: MigrationState
  /** The file of the migrations folder that has it, when one does. */
  readonly file?: string
}

/** MigrationLog is the project's migrations in the order TypeORM runs them, then the unknown ones, and the last applied. */
export interface MigrationLog {
  readonly entries: readonly MigrationEntry[]
  /** The last applied migration (the one `downgrade` reverts first); undefined when none is. */
  readonly current?: string
}

/** migrationLog lists the project's migrations in order with whether each is applied, then the applied ones no file has. */
export async function migrationLog(project: LoadedProject): Promise<MigrationLog> {
  return withConnection(project, (dataSource) => logOf(dataSource, project.migrationsDir, project.migrationsInSubfolders), 'reads')
}

/**
 * logOf reads the migrations table on a connected DataSource: the project's migrations in the order TypeORM
 * runs them, then the applied migrations neither the DataSource nor the migrations folder has.
 */
export async function logOf(dataSource: DataSource, migrationsDir: string, subfolders: boolean): Promise<MigrationLog> {
  const executed = await migrationExecutor(dataSource).getExecutedMigrations()
  const applied = new Set(executed.map((m) => m.name))
  const files = new Map(migrationFilesIn(migrationsDir, subfolders).flatMap((f) => (f.name === undefined ? [] : [[f.name, f.file] as const])))
  const known = new Set(knownMigrations(dataSource.migrations.map(migrationNameOf), migrationsDir, subfolders))
  const entry = (name: string, state: MigrationState): MigrationEntry => {
    const timestamp = timestampOf(name)
    const file = files.get(name)
    return { name, ...(timestamp !== undefined && { timestamp: Number(timestamp) }), state, ...(file !== undefined && { file }) }
  }
  return {
    entries: [
      ...inRunOrder(dataSource.migrations.map(migrationNameOf)).map((name) => entry(name, applied.has(name) ? 'applied' : 'pending')),
      ...executed.filter((m) => !known.has(m.name)).reverse().map((m) => entry(m.name, 'unknown')),
    ],
    ...(executed[0] !== undefined && { current: executed[0].name }),
  }
}
