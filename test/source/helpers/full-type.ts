import type { ColumnModel } from '../../../src/model/schema-model'

/** fullType writes a model column's type with its parameters, as TypeORM's createFullType does. */
export function fullType(column: ColumnModel): string {
  let type = column.type
  if (column.length !== undefined) type += `(${column.length})`
  else if (column.precision !== undefined && column.scale !== undefined) type += `(${column.precision},${column.scale})`
  else if (column.precision !== undefined) type += `(${column.precision})`
  return column.isArray ? `${type}[]` : type
}
