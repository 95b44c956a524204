import { dialectFor } from '../dialect/dialect-for'
import { qualifiedKey } from '../model/qualified-name'
import { ignoredTables } from '../pipeline/ignored-tables'
import { type MigrationFile, migrationFilesIn } from '../source/migration-files'
import { type CheckFinding, shownPath } from '../hazards/check-finding'
import { revertLast } from './migration-runner'
import type { ScratchProject } from './scratch-database'
import { withFailingStatement } from './failing-statement'
import { migrationExecutor } from './migration-executor'
import { strandedForeignKeys, strandedKeyText } from './stranded-foreign-keys'
import type { SchemaModel } from '../model/schema-model'

/**
 * revertAll reverts the scratch database's migrations one by one, newest first, as `downgrade` does, and
 * finds where that does not bring the schema back to empty: the migration whose `down` failed (the rest are
 * not tried), or the tables, views and enum types left behind; where the dialect allows a foreign key on a
 * missing table, also each `down` that moved one there. `schemas` are those to look in (where the dialect has them).
 */
export async function revertAll(scratch: ScratchProject, schemas: readonly string[]): Promise<CheckFinding[]> {
  const { dataSource, project } = scratch
  const files = migrationFilesIn(project.migrationsDir, project.migrationsInSubfolders)
  // The tool's executor: TypeORM's before 0.3.20 released its query runner before the read had connected, and
  // PostgreSQL's driver then closed its pool forever (check --from-migrations spun at 100% CPU, on Jellyseerr).
  const executed = await migrationExecutor(dataSource).getExecutedMigrations()
  const dialect = dialectFor(dataSource.options)
  const introspectOptions = {
    schemas: dialect.capabilities.schemas ? schemas : undefined,
    ignoreTables: ignoredTables(dataSource, project.settings),
  }
  const readSchema = async (): Promise<SchemaModel> => {
    const connection = await scratch.connect()
    try {
      return await dialect.introspect(connection, introspectOptions)
    } finally {
      await connection.close()
    }
  }
  const checksKeys = dialect.capabilities.foreignKeysMayNameMissingTables === true
  let before = checksKeys ? await readSchema() : undefined
  const broken: CheckFinding[] = []
  // Newest first, as revertLast reverts them.
  for (const reverted of executed) {
    try {
      await revertLast(dataSource)
    } catch (err) {
      const failed = withFailingStatement(err)
      const name = /^migration (\S+) failed in down/.exec(failed instanceof Error ? failed.message : '')?.[1]
      const file = files.find((f) => f.name === name)
      return [...broken, {
        code: 'DOWN_FAILED', ...fileOf(file),
        message: `${failed instanceof Error ? failed.message : String(failed)}: fix its down so that it reverts its up`,
      }]
    }
    if (before === undefined) continue
    const after = await readSchema()
    broken.push(...strandedForeignKeys(before, after).map((fk) => ({
      code: 'DOWN_BROKE_FOREIGN_KEY', ...fileOf(files.find((f) => f.name === reverted.name)),
      message: `after the down of migration ${reverted.name}, ${strandedKeyText(fk)}: a table renamed aside takes the foreign keys that reference it along; make the down create the new table under a temporary name, copy the rows, drop the old one and rename the new one into place`,
    })))
    before = after
  }
  const left = await readSchema()
  const names = [
    ...left.tables.map((t) => `table ${qualifiedKey(t)}`),
    ...left.views.map((v) => `view ${qualifiedKey(v)}`),
    ...left.enums.map((e) => `enum type ${qualifiedKey(e)}`),
  ]
  if (names.length === 0) return broken
  return [...broken, {
    code: 'DOWN_LEFT_BEHIND',
    message: `after reverting every migration, ${names.join(', ')} still exist${names.length === 1 ? 's' : ''}: the down of the migration that creates ${names.length === 1 ? 'it' : 'them'} must drop ${names.length === 1 ? 'it' : 'them'}`,
  }]
}

function fileOf(file: MigrationFile | undefined): { file?: string } {
  return file === undefined ? {} : { file: shownPath(file.file) }
}
