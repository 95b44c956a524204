import type { ColumnModel } from './schema-model'

/** typeParameters writes a column's type parameters as SQL spells them: `(50)`, `(10,2)`, or nothing. */
export function typeParameters(column: ColumnModel): string {
  if (column.length !== undefined) return `(${column.length})`
  if (column.precision === undefined) return ''
  return `(${column.precision}${column.scale !== undefined ? `,${column.scale}` : ''})`
}
