import { compareText } from '../../model/qualified-name'
import type { ViewModel } from '../../model/schema-model'
import type { ViewRow } from './postgres-catalog-queries'
import { canonicalView } from './postgres-view-definition'

/** viewOf is one row of viewsQuery as a canonical ViewModel. */
export function viewOf(row: ViewRow): ViewModel {
  return canonicalView(
    {
      schema: row.schema,
      name: row.name,
      definition: row.definition,
      ...(row.materialized && { materialized: true }),
      columns: row.columns.map((c) => ({ name: c.name, type: c.type })),
      reads: row.reads.map((r) => ({ schema: r.schema, name: r.name, columns: [...r.columns].sort(compareText) })),
    },
    row.schema,
  )
}
