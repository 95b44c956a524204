import { quoteDoubled, quoteLiteral } from '../dialect/quote'
import type { ColumnModel } from './schema-model'
import { typeParameters } from './type-parameters'

/** typeText writes a column's type with its parameters: `varchar(50)`, `numeric(10,2)`, `integer[]`, `enum "mood"`. */
export function typeText(column: ColumnModel): string {
  const type = column.enumName !== undefined ? `${column.type} ${quoteDoubled(column.enumName)}` : column.type
  return `${type}${typeParameters(column)}${column.isArray === true ? '[]' : ''}`
}

/** typeTextWithoutEnumName is typeText but for the enum type's name, which follows its table's and column's names. */
export function typeTextWithoutEnumName(column: ColumnModel): string {
  return `${column.type}${typeParameters(column)}${column.isArray === true ? '[]' : ''}`
}

/** typeTextWithValues is typeText with the labels of an enum kept on the column: `varchar ('a', 'b')`. */
export function typeTextWithValues(column: ColumnModel): string {
  if (column.enumName !== undefined || column.enumValues === undefined) return typeText(column)
  return `${column.type}${typeParameters(column)} ${listOfValues(column.enumValues)}${column.isArray === true ? '[]' : ''}`
}

/** listOfValues writes enum labels as `('a', 'b')`. */
export function listOfValues(values: readonly string[]): string {
  return `(${values.map(quoteLiteral).join(', ')})`
}
