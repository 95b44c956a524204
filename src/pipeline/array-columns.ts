import type { DialectCapabilities } from '../dialect/dialect'
import type { ColumnModel, SchemaModel } from '../model/schema-model'
import { columnText } from '../hazards/hazard-names'

/**
 * arrayColumnWarnings are NOT_DIFFED sentences for the columns the entities declare `array: true` where the
 * database has no array columns: the option is left out, and the column holds one value.
 */
export function arrayColumnWarnings(entities: SchemaModel, capabilities: DialectCapabilities): string[] {
  if (capabilities.columnArrays === true) return []
  return entities.tables.flatMap((table) => table.columns.filter(holdsOneValue).map((column) =>
    `${columnText(table, column.name)} is declared with array: true, but this database has no array columns: ` +
    `it holds one ${column.type} value, so writing an array into it fails or stores its text` +
    (column.default === undefined ? '' : `; its array default is left out`)))
}

/**
 * withoutArrayDefaults leaves out the default of each column that holdsOneValue: TypeORM writes an array
 * default there as the array's text without quotes (`DEFAULT a,b`, `DEFAULT ` for `[]`), which no database
 * without array columns accepts.
 */
export function withoutArrayDefaults(entities: SchemaModel, capabilities: DialectCapabilities): SchemaModel {
  if (capabilities.columnArrays === true || !entities.tables.some((t) => t.columns.some((c) => holdsOneValue(c) && c.default !== undefined))) return entities
  return {
    ...entities,
    tables: entities.tables.map((table) => ({
      ...table,
      columns: table.columns.map((column) => (holdsOneValue(column) ? withoutDefault(column) : column)),
    })),
  }
}

function withoutDefault(column: ColumnModel): ColumnModel {
  const { default: _leftOut, ...rest } = column
  return rest
}

// An array of enum values (simple-enum) is stored as a comma-separated list everywhere: it holds an array.
const holdsOneValue = (column: ColumnModel): boolean => column.isArray === true && column.enumValues === undefined
