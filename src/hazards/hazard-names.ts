import { quoteDoubled, quoteLiteral } from '../dialect/quote'
import type { QualifiedName } from '../model/schema-model'

/** tableText writes a table as `"schema"."name"` or `"name"`. */
export function tableText(table: QualifiedName): string {
  return table.schema === undefined ? quoteDoubled(table.name) : `${quoteDoubled(table.schema)}.${quoteDoubled(table.name)}`
}

/**
 * rebuiltTableName is the table a statement marked `rebuild` copies, named in the schema of `own` (the table of its
 * first operation, which names it otherwise where the rebuild is of a table whose foreign keys that operation renames).
 */
export function rebuiltTableName(own: QualifiedName | undefined, rebuilt: string): QualifiedName | undefined {
  return own === undefined || own.name === rebuilt ? own : { ...(own.schema !== undefined && { schema: own.schema }), name: rebuilt }
}

/** columnText writes a column as `"table"."column"`. */
export function columnText(table: QualifiedName, column: string): string {
  return `${tableText(table)}.${quoteDoubled(column)}`
}

/** columnsText writes column names as `("a", "b")`. */
export function columnsText(columns: readonly string[]): string {
  return `(${columns.map(quoteDoubled).join(', ')})`
}

/** valuesText writes values as `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`. */
export function valuesText(values: readonly string[]): string {
  const quoted = values.map(quoteLiteral)
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`
}

/** formatCount writes a whole number with thousands separators: 1204 -> `1,204`. */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : ''
  return sign + String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** formatApproximate writes a large estimate briefly: 1_234_567 -> `1.2M`, 45_000 -> `45k`. */
export function formatApproximate(n: number): string {
  const units: [number, string][] = [[1e9, 'B'], [1e6, 'M'], [1e3, 'k']]
  for (const [size, unit] of units) {
    if (n >= size) {
      const value = n / size
      return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))}${unit}`
    }
  }
  return formatCount(n)
}

/** plural writes `1 row`, `2 rows`, `1,204 rows`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}
