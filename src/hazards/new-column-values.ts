import type { DialectCapabilities } from '../dialect/dialect'
import type { ColumnModel } from '../model/schema-model'

/** givesRowsAValue says whether a column added to a table that has rows gives them a value: a default other than NULL, or a generated one. */
export function givesRowsAValue(column: ColumnModel): boolean {
  return (column.default !== undefined && column.default.toUpperCase() !== 'NULL') || column.generated !== undefined
}

/**
 * implicitlyFilled says whether a column added to a table that has rows gives each of them its type's implicit
 * default (0, '', the first ENUM label): NOT NULL without a default or a generated value, where the database fills
 * such a column instead of failing (see DialectCapabilities.implicitDefaults).
 */
export function implicitlyFilled(column: ColumnModel, capabilities: DialectCapabilities): boolean {
  const { implicitDefaults, typesWithoutImplicitDefault = [] } = capabilities
  return implicitDefaults === true && !column.nullable && column.default === undefined && column.generated === undefined &&
    column.computed === undefined && !typesWithoutImplicitDefault.includes(column.type)
}
