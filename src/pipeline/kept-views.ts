import { byQualifiedName } from '../model/qualified-name'
import type { QualifiedName, SchemaModel } from '../model/schema-model'

/**
 * keepingSkippedViews puts on the entities' side, as the database has them, the views of entities declared
 * `synchronize: false` (made by a migration of the project, say): the diff neither drops nor creates them, and
 * where a migration changes what one reads (a column's type, which PostgreSQL refuses under a view), it is
 * dropped before the change and made again after, as the database's own views are. One the database lacks
 * stays absent. A view named without a schema is the one of that name in any schema read.
 */
export function keepingSkippedViews(desired: SchemaModel, actual: SchemaModel, skipped: readonly QualifiedName[]): SchemaModel {
  const kept = actual.views.filter((v) => skipped.some((s) => s.name === v.name && (s.schema === undefined || s.schema === v.schema)))
  if (kept.length === 0) return desired
  return { ...desired, views: [...desired.views, ...kept].sort(byQualifiedName) }
}
