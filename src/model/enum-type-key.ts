import type { ColumnModel } from './schema-model'

/** enumTypeKey names a column's enum type with its schema; undefined for any other type. */
export function enumTypeKey(column: ColumnModel): string | undefined {
  return column.type === 'enum' ? `${column.enumSchema ?? ''}.${column.enumName ?? ''}` : undefined
}
