import { dialectFor } from '../dialect/dialect-for'
import type { SchemaModel } from '../model/schema-model'
import type { Warning } from '../hazards/warning'
import { strandedForeignKeys, strandedKeyText } from '../runner/stranded-foreign-keys'
import { entitySchemaNames } from '../source/entity-schemas'
import type { LoadedProject } from '../source/load-config'
import { ignoredTables } from './ignored-tables'

/**
 * schemaBeforeDowngrade reads the database before a downgrade, where the dialect lets a `down` leave a foreign key
 * on a table that no longer exists (SQLite); elsewhere, or where it cannot be read, it is undefined.
 */
export async function schemaBeforeDowngrade(project: LoadedProject): Promise<SchemaModel | undefined> {
  if (dialectFor(project.dataSource.options).capabilities.foreignKeysMayNameMissingTables !== true) return undefined
  return readSchema(project).catch(() => undefined)
}

/**
 * downgradeVerification is a STRANDED_FOREIGN_KEY warning for each foreign key the downgrade moved from a table
 * onto one that does not exist (a `down` that renamed a table aside, made it again and dropped the renamed one):
 * every write to its table now fails.
 */
export async function downgradeVerification(project: LoadedProject, before: SchemaModel): Promise<Warning[]> {
  const after = await readSchema(project)
  return strandedForeignKeys(before, after).map((fk) => ({
    code: 'STRANDED_FOREIGN_KEY',
    message: `after the downgrade, ${strandedKeyText(fk)}: restore the backup (\`--backup\`), or make "${fk.table}" again with the foreign key on the table it is meant to reference; then fix the down that renamed a table aside`,
  }))
}

async function readSchema(project: LoadedProject): Promise<SchemaModel> {
  const { dataSource, settings } = project
  const dialect = dialectFor(dataSource.options)
  const connection = await dialect.connect(dataSource.options)
  try {
    return await dialect.introspect(connection, {
      schemas: dialect.capabilities.schemas ? entitySchemaNames(dataSource) : undefined,
      ignoreTables: ignoredTables(dataSource, settings),
    })
  } finally {
    await connection.close()
  }
}
