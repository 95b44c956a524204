import { quoteLiteral } from '../dialect/quote'
import { parseArrayLiteral, renderArrayLiteral } from '../model/array-literal'
import type { ColumnModel } from '../model/schema-model'

/**
 * relabelledColumn is an enum column with label `from` renamed `to`, in place, among its labels and in its default
 * where it names the label (see relabelledDefault).
 */
export function relabelledColumn(column: ColumnModel, from: string, to: string): ColumnModel {
  const labels = column.enumValues?.map((label) => (label === from ? to : label))
  return withDefault({ ...column, ...(labels !== undefined && { enumValues: labels }) }, relabelledDefault(column, from, to))
}

/**
 * relabelledDefault is the default of an enum column once its label `from` is renamed `to`, as the database then
 * holds it: the label itself, or an element of an array column's default (`'{pending,done}'`); undefined where
 * it names no such label.
 */
function relabelledDefault(column: ColumnModel, from: string, to: string): string | undefined {
  if (column.default === quoteLiteral(from)) return quoteLiteral(to)
  const literal = column.isArray === true ? /^'([\s\S]*)'$/.exec(column.default ?? '')?.[1] : undefined
  const items = literal === undefined ? undefined : parseArrayLiteral(literal.replace(/''/g, "'"))
  if (items === undefined || !items.includes(from)) return undefined
  return quoteLiteral(renderArrayLiteral(items.map((item) => (item === from ? to : item))))
}

/** withDefault is `column` with `renamed` as its default, the database's spelling of the old one left out; `column` where undefined. */
function withDefault(column: ColumnModel, renamed: string | undefined): ColumnModel {
  if (renamed === undefined) return column
  const { defaultSql: _written, ...rest } = column
  return { ...rest, default: renamed }
}
