import type { DataSource } from 'typeorm'
import type { SchemaModel } from '../model/schema-model'
import { UserError } from '../source/user-error'
import { mixedListItems } from '../source/mixed-list'

/**
 * refuseNoEntities stops a comparison when the DataSource loaded no entity (`metadataCount` is 0) but the database has tables
 * (TypeORM's own and the ignored ones are not in `actual`): a glob that matches nothing would otherwise
 * read as "drop every table". With an empty database there is nothing to lose, and nothing to do.
 */
export function refuseNoEntities(dataSource: DataSource, metadataCount: number, actual: SchemaModel): void {
  if (metadataCount > 0 || actual.tables.length === 0) return
  const tables = actual.tables.length
  throw new UserError(
    `no entity was loaded from the DataSource's entities option ${entitiesOptionText(dataSource)}, but the database has ${tables} table${tables === 1 ? '' : 's'}: fix the entities option (globs resolve against ${process.cwd()}), or add the tables to autogen.ignoreTables`,
  )
}

/** entitiesOptionText shows the entities option as given: globs quoted, classes and schemas by name. */
function entitiesOptionText(dataSource: DataSource): string {
  const entities = dataSource.options.entities
  if (entities === undefined) return '(not set)'
  return `[${mixedListItems<unknown>(entities).map(entityText).join(', ')}]`
}

function entityText(entity: unknown): string {
  if (typeof entity === 'string') return JSON.stringify(entity)
  if (typeof entity === 'function') return entity.name || '(anonymous class)'
  const schemaName = (entity as { options?: { name?: unknown } } | null)?.options?.name
  return typeof schemaName === 'string' ? schemaName : String(entity)
}
