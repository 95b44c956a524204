import type { TypeLimits } from '../dialect/dialect'
import type { ColumnModel, TableModel } from '../model/schema-model'

/**
 * textRulesOf is the character set and collation a column's values compare under: its own, else, for a type that
 * holds characters, its table's (MySQL, whose columns on the table's defaults name none). Numbers, moments and bytes
 * take none: an `int` of a utf8mb4_unicode_ci table compares with one of a utf8mb4_general_ci table.
 */
export function textRulesOf(table: TableModel, column: ColumnModel, limits: TypeLimits): { readonly charset?: string; readonly collation?: string } {
  if (column.charset !== undefined || column.collation !== undefined) return { charset: column.charset, collation: column.collation }
  if (!holdsCharacters(column.type, limits)) return {}
  return { charset: table.charset, collation: table.collation }
}

function holdsCharacters(type: string, limits: TypeLimits): boolean {
  const other = [
    ...Object.keys(limits.integerRanges), ...limits.decimalTypes, ...(limits.floatTypes ?? []), ...(limits.unboundedNumberTypes ?? []),
    ...(limits.momentTypes ?? []), ...(limits.byteCountedTypes ?? []), ...(limits.paddedTypes ?? []),
  ]
  return !other.includes(type)
}
