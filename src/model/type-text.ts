import { quoteDoubled, quoteLiteral } from '../dialect/quote'
import type { ColumnModel } from './schema-model'
import { typeParameters } from './type-parameters'

/** typeText writes a column's type with its parameters: `varchar(50)`, `numeric(10,2)`, `integer[]`, `enum "mood"` (`enum "shared"."mood"` in another schema). */
export function typeText(column: ColumnModel): string {
  const enumSchema = column.enumSchema !== undefined ? `${quoteDoubled(column.enumSchema)}.` : ''
  const type = column.enumName !== undefined ? `${column.type} ${enumSchema}${quoteDoubled(column.enumName)}` : column.type
  return `${withParameters(type, column)}${column.isArray === true ? '[]' : ''}`
}

/** typeTextWithoutEnumName is typeText but for the enum type's name, which follows its table's and column's names. */
export function typeTextWithoutEnumName(column: ColumnModel): string {
  return `${withParameters(column.type, column)}${column.isArray === true ? '[]' : ''}`
}

/** typeTextWithValues is typeText with the labels of an enum kept on the column: `varchar ('a', 'b')`. */
export function typeTextWithValues(column: ColumnModel): string {
  if (column.enumName !== undefined || column.enumValues === undefined) return typeText(column)
  return `${withParameters(column.type, column)} ${listOfValues(column.enumValues)}${column.isArray === true ? '[]' : ''}`
}

/** withParameters puts the parameters after the base type, before modifiers: `decimal(5,2) unsigned`, not `decimal unsigned(5,2)`. */
function withParameters(type: string, column: ColumnModel): string {
  const [, base = type, modifiers = ''] = /^(.*?)((?: (?:unsigned|zerofill))*)$/.exec(type) ?? []
  return `${base}${typeParameters(column)}${modifiers}`
}

/** listOfValues writes enum labels as `('a', 'b')`. */
export function listOfValues(values: readonly string[]): string {
  return `(${values.map(quoteLiteral).join(', ')})`
}
