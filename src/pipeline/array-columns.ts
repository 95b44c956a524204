import type { DialectCapabilities } from '../dialect/dialect'
import type { SchemaModel } from '../model/schema-model'
import { columnText } from '../hazards/hazard-names'

/**
 * arrayColumnWarnings are NOT_DIFFED sentences for the columns the entities declare `array: true` where the
 * database has no array columns: the option is left out, and the column holds one value.
 */
export function arrayColumnWarnings(entities: SchemaModel, capabilities: DialectCapabilities): string[] {
  if (capabilities.columnArrays === true) return []
  // An array of enum values (simple-enum) is stored as a comma-separated list everywhere: it holds an array.
  return entities.tables.flatMap((table) => table.columns.filter((column) => column.isArray === true && column.enumValues === undefined).map((column) =>
    `${columnText(table, column.name)} is declared with array: true, but this database has no array columns: ` +
    `it holds one ${column.type} value, so writing an array into it fails or stores its text`))
}
