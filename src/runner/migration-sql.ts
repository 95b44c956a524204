import type { LoadedProject } from '../source/load-config'
import { UserError, messageOf } from '../source/user-error'
import { type MigrationEntry, logOf } from './migration-log'
import { migrationNameOf } from '../source/migration-name'
import { withConnection } from './migration-runner'
import { resolveMigrationName } from './migration-target'
import { type RecordedQuery, recordQueries } from './recording-query-runner'

/** MigrationSql is one migration and the queries its `up` and `down` send, recorded without running them. */
export interface MigrationSql {
  readonly entry: MigrationEntry
  readonly up: readonly RecordedQuery[]
  readonly down: readonly RecordedQuery[]
}

/** migrationSql finds the migration `target` names and records the queries of its `up` and `down`. */
export async function migrationSql(project: LoadedProject, target: string): Promise<MigrationSql> {
  return withConnection(project, async (dataSource) => {
    const { entries } = await logOf(dataSource, project.migrationsDir, project.migrationsInSubfolders)
    const name = resolveMigrationName(target, entries.map((e) => e.name))
    const entry = entries.find((e) => e.name === name)!
    const migration = dataSource.migrations.find((m) => migrationNameOf(m) === name)
    if (migration === undefined) throw new UserError(`${name} is applied to the database, but no migration file has it: switch branch or pull to get it`)
    const recorded = (direction: 'up' | 'down') => recordQueries(dataSource, migration, direction).catch((err: unknown) => {
      // nameMigrationErrors named the migration and direction already; its cause is the migration's own error.
      const reason = messageOf(err instanceof Error && err.cause !== undefined ? err.cause : err).replace(/\.$/, '')
      throw new UserError(`${name} failed while its ${direction} was recorded (show runs no query, so every query it makes gets no rows, ` +
        `which a migration reading back what it made, as TypeORM's createIndex does, cannot take): ${reason}; read its file instead`, { cause: err })
    })
    return { entry, up: await recorded('up'), down: await recorded('down') }
  }, 'reads')
}
