import { quoteLiteral } from '../dialect/quote'
import type { ColumnModel } from '../model/schema-model'

/**
 * relabelledColumn is a column holding its labels itself (an `ENUM(...)`, a check of the labels) with label `from`
 * renamed `to`, in place, and its default where that is the label.
 */
export function relabelledColumn(column: ColumnModel, from: string, to: string): ColumnModel {
  const labels = column.enumValues?.map((label) => (label === from ? to : label))
  if (column.default !== quoteLiteral(from)) return { ...column, ...(labels !== undefined && { enumValues: labels }) }
  const { defaultSql: _written, ...rest } = column
  return { ...rest, ...(labels !== undefined && { enumValues: labels }), default: quoteLiteral(to) }
}
