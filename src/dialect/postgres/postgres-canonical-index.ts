import type { IndexModel } from '../../model/schema-model'
import { canonicalExpression } from './postgres-expressions'

/**
 * canonicalIndex is an index of a table or of a materialized view in canonical form (both sides): its
 * predicate through `canonicalExpression` (its own text kept to be written), the access method in lower
 * case and `btree`, the default, left out, empty lists left out.
 */
export function canonicalIndex(index: IndexModel): IndexModel {
  const method = index.method?.toLowerCase()
  return {
    name: index.name,
    columns: index.columns,
    unique: index.unique,
    ...(index.where !== undefined && index.where.trim() !== '' && {
      where: canonicalExpression(index.where),
      whereSql: index.whereSql ?? index.where.trim(),
    }),
    ...(method !== undefined && method !== 'btree' && { method }),
    ...(index.keyOptions !== undefined && { keyOptions: index.keyOptions }),
    ...(index.include !== undefined && index.include.length > 0 && { include: index.include }),
    ...(index.comment !== undefined && { comment: index.comment }),
  }
}
