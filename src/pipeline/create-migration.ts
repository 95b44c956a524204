import { renderEmptyMigrationFile } from '../render/empty-migration-file'
import { knownMigrations } from '../runner/migration-runner'
import { migrationNameOf } from '../source/migration-name'
import { buildMigrations } from '../source/build-metadata'
import type { LoadedProject } from '../source/load-config'
import { refuseMigrationClash } from './migration-clash'
import { placedMigrationFormat } from './migrations-placement'
import { nextMigrationTimestamp } from './next-migration-timestamp'
import { historyOf } from './unapplied-migrations'
import { migrationSumFileName, sumWithMigrations } from '../source/migration-sum'
import { writeAllWhole } from './write-whole'
import { postWrite } from './post-write'

/**
 * createMigration writes an empty migration named like generate's (`<timestamp>-<Name>.ts`, or `.js` and the like, class
 * `<Name><timestamp>`) into the migrations folder, as `autogen.postWrite` leaves it (see postWrite), and adds it to autogen.sum,
 * whole or not at all, and returns its path. It never
 * replaces a migration: a file, timestamp or class name of the folder or the DataSource that clashes stops it.
 * The DataSource's migrations are loaded for that (without connecting), those outside the folder too.
 */
export async function createMigration(project: LoadedProject, name: string, given?: number): Promise<string> {
  const format = placedMigrationFormat(project)
  const loaded = (await buildMigrations(project.dataSource)).map(migrationNameOf)
  const known = knownMigrations(loaded, project.migrationsDir, project.migrationsInSubfolders)
  const history = historyOf(known, [])
  const refuseClash = (timestamp: number) => refuseMigrationClash(project.migrationsDir, [{ name, timestamp }], history, format, 'create')
  // A --timestamp another migration has is refused for that, which names the migration, before an older one is.
  if (given !== undefined) refuseClash(given)
  const timestamp = nextMigrationTimestamp(known, Date.now(), given)
  if (given === undefined) refuseClash(timestamp)
  const [rendered] = postWrite(project.settings, project.migrationsDir, [renderEmptyMigrationFile(name, timestamp, format)])
  const sum = sumWithMigrations(project.migrationsDir, project.migrationsInSubfolders, [rendered])
  return writeAllWhole(project.migrationsDir, [
    rendered!,
    ...(sum === undefined ? [] : [{ fileName: migrationSumFileName, source: sum, replace: true }]),
  ])[0]!
}
