import type { DialectCapabilities } from '../dialect/dialect'
import type { ColumnModel, SchemaModel } from '../model/schema-model'
import { columnText } from '../hazards/hazard-names'

/**
 * arrayColumnWarnings are NOT_DIFFED sentences for the columns the entities declare `array: true` where the
 * database has no array columns: the option is left out, and the column holds one value.
 */
export function arrayColumnWarnings(entities: SchemaModel, capabilities: DialectCapabilities): string[] {
  if (capabilities.columnArrays === true) return []
  return entities.tables.flatMap((table) => table.columns.filter((column) => holdsOneValue(column, capabilities)).map((column) =>
    `${columnText(table, column.name)} is declared with array: true, but this database has no array columns: ` +
    `it holds one ${column.type} value, so writing an array into it fails or stores its text` +
    (column.default === undefined ? '' : `; its array default is left out`)))
}

/**
 * withoutArrayDefaults leaves out the default of each column that holdsOneValue: TypeORM writes an array
 * default there as the array's text without quotes (`DEFAULT a,b`, `DEFAULT ` for `[]`), or for an enum as
 * one value listing them (`'a,b'`), which the database refuses.
 */
export function withoutArrayDefaults(entities: SchemaModel, capabilities: DialectCapabilities): SchemaModel {
  if (capabilities.columnArrays === true || !entities.tables.some((t) => t.columns.some((c) => holdsOneValue(c, capabilities) && c.default !== undefined))) return entities
  return {
    ...entities,
    tables: entities.tables.map((table) => ({
      ...table,
      columns: table.columns.map((column) => (holdsOneValue(column, capabilities) ? withoutDefault(column) : column)),
    })),
  }
}

function withoutDefault(column: ColumnModel): ColumnModel {
  const { default: _leftOut, declared, ...rest } = column
  if (declared?.stringDefault === undefined) return { ...rest, ...(declared !== undefined && { declared }) }
  const { stringDefault: _alsoLeftOut, ...declaredRest } = declared
  return { ...rest, ...(Object.keys(declaredRest).length > 0 && { declared: declaredRest }) }
}

/**
 * holdsOneValue: a column declared `array: true` on a database without column arrays holds one value, but for
 * an enum's where the database keeps such a column as a comma-separated list of values (see enumArraysAsLists).
 */
const holdsOneValue = (column: ColumnModel, capabilities: DialectCapabilities): boolean =>
  column.isArray === true && (column.enumValues === undefined || capabilities.enumArraysAsLists !== true)
