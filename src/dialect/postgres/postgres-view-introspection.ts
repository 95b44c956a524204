import { compareText } from '../../model/qualified-name'
import type { IndexModel, ViewModel } from '../../model/schema-model'
import type { ViewRow } from './postgres-catalog-queries'
import { canonicalView } from './postgres-view-definition'

/**
 * viewOf is one row of viewsQuery as a canonical ViewModel, with `indexes`, those indexesQuery read of it
 * (a materialized view's, which re-creating the view must re-create), and its comment.
 */
export function viewOf(row: ViewRow, indexes: readonly IndexModel[]): ViewModel {
  return canonicalView(
    {
      schema: row.schema,
      name: row.name,
      definition: row.definition,
      ...(row.materialized && { materialized: true }),
      columns: row.columns.map((c) => ({ name: c.name, type: c.type })),
      reads: row.reads.map((r) => ({ schema: r.schema, name: r.name, columns: [...r.columns].sort(compareText) })),
      ...(row.materialized && indexes.length > 0 && { indexes }),
      ...(row.comment !== null && { comment: row.comment }),
    },
    row.schema,
  )
}
