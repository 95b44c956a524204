import { compareText } from '../../model/qualified-name'
import type { ViewModel } from '../../model/schema-model'
import { canonicalIndex } from './postgres-canonical-index'
import { readTokens } from './postgres-expressions'
import { renderSql } from './postgres-sql-tokens'

/**
 * canonicalView compares a view by its SELECT with whitespace and comments dropped and the final `;`
 * (which pg_get_viewdef prints) removed; the text to write is kept in `definitionSql`. Every other
 * difference between the entity's text and the server's print is settled by asking the server
 * (reconcileViews), not by rules. A materialized view's indexes are canonical as a table's, sorted by name.
 */
export function canonicalView(view: ViewModel, defaultSchema: string): ViewModel {
  const written = (view.definitionSql ?? view.definition).trim().replace(/;\s*$/, '').trim()
  const tokens = readTokens(written)
  return {
    ...view,
    schema: view.schema ?? defaultSchema,
    definition: tokens ? renderSql(tokens) : written,
    definitionSql: written,
    reads: view.reads.map((r) => ({ ...r, schema: r.schema ?? defaultSchema })),
    ...(view.indexes !== undefined && { indexes: view.indexes.map(canonicalIndex).sort((a, b) => compareText(a.name, b.name)) }),
  }
}
