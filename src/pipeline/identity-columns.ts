import type { DialectCapabilities } from '../dialect/dialect'
import { columnText } from '../hazards/hazard-names'
import type { SchemaModel } from '../model/schema-model'

/**
 * identityColumnWarnings are NOT_DIFFED sentences for the columns the entities generate as an identity where the
 * database has no identity columns: TypeORM writes no generation for them (no AUTO_INCREMENT), and neither does the
 * migration, so a column that was `increment` stops counting.
 */
export function identityColumnWarnings(entities: SchemaModel, capabilities: DialectCapabilities): string[] {
  if (capabilities.identityColumns === true) return []
  return entities.tables.flatMap((table) => table.columns.filter((column) => column.generated?.kind === 'identity').map((column) =>
    `${columnText(table, column.name)} is generated as identity, which this database does not have: it is made a column with no ` +
    'generation, as TypeORM makes it, so a counter it was stops counting, and inserts that leave it out fail unless the database ' +
    "fills it by itself; generate it with 'increment' for a counter"))
}
