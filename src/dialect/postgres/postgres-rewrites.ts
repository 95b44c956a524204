import type { ColumnModel } from '../../model/schema-model'

// Functions PostgreSQL marks volatile that defaults call: a new value per row, so no stored "fast default".
const volatileCall = /\b(gen_random_uuid|uuid_generate_v[1-5]\w*|random|clock_timestamp|timeofday|nextval|txid_current)\s*\(/i

/**
 * addingRewrites says whether adding `column` to a table with rows rewrites the table under its exclusive lock:
 * a stored generated column, an identity or serial column, or a default computed per row (a uuid, `random()`).
 * A constant default, `now()` or `CURRENT_TIMESTAMP` is stored once in the catalog (PostgreSQL 11+).
 */
export function addingRewrites(column: ColumnModel): boolean {
  if (column.computed !== undefined || column.generated !== undefined) return true
  return column.default !== undefined && volatileCall.test(column.defaultSql ?? column.default)
}
