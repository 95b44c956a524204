import { dialectFor } from '../dialect/dialect-for'
import { qualifiedKey } from '../model/qualified-name'
import { ignoredTables } from '../pipeline/ignored-tables'
import { type MigrationFile, migrationFilesIn } from '../source/migration-files'
import { type CheckFinding, shownPath } from '../hazards/check-finding'
import { revertLast } from './migration-runner'
import type { ScratchProject } from './scratch-database'
import { withFailingStatement } from './failing-statement'
import { migrationExecutor } from './migration-executor'

/**
 * revertAll reverts the scratch database's migrations one by one, newest first, as `downgrade` does, and
 * finds where that does not bring the schema back to empty: the migration whose `down` failed (the rest are
 * not tried), or the tables, views and enum types left behind. `schemas` are those to look in (where the dialect has them).
 */
export async function revertAll(scratch: ScratchProject, schemas: readonly string[]): Promise<CheckFinding[]> {
  const { dataSource, project } = scratch
  const files = migrationFilesIn(project.migrationsDir, project.migrationsInSubfolders)
  // The tool's executor: TypeORM's before 0.3.20 released its query runner before the read had connected, and
  // PostgreSQL's driver then closed its pool forever (check --from-migrations spun at 100% CPU, on Jellyseerr).
  const executed = await migrationExecutor(dataSource).getExecutedMigrations()
  for (let left = executed.length; left > 0; left--) {
    try {
      await revertLast(dataSource)
    } catch (err) {
      const failed = withFailingStatement(err)
      const name = /^migration (\S+) failed in down/.exec(failed instanceof Error ? failed.message : '')?.[1]
      const file = files.find((f) => f.name === name)
      return [{
        code: 'DOWN_FAILED', ...fileOf(file),
        message: `${failed instanceof Error ? failed.message : String(failed)}: fix its down so that it reverts its up`,
      }]
    }
  }
  const dialect = dialectFor(dataSource.options)
  const connection = await scratch.connect()
  try {
    const left = await dialect.introspect(connection, {
      schemas: dialect.capabilities.schemas ? schemas : undefined,
      ignoreTables: ignoredTables(dataSource, project.settings),
    })
    const names = [
      ...left.tables.map((t) => `table ${qualifiedKey(t)}`),
      ...left.views.map((v) => `view ${qualifiedKey(v)}`),
      ...left.enums.map((e) => `enum type ${qualifiedKey(e)}`),
    ]
    if (names.length === 0) return []
    return [{
      code: 'DOWN_LEFT_BEHIND',
      message: `after reverting every migration, ${names.join(', ')} still exist${names.length === 1 ? 's' : ''}: the down of the migration that creates ${names.length === 1 ? 'it' : 'them'} must drop ${names.length === 1 ? 'it' : 'them'}`,
    }]
  } finally {
    await connection.close()
  }
}

function fileOf(file: MigrationFile | undefined): { file?: string } {
  return file === undefined ? {} : { file: shownPath(file.file) }
}
