import type { ViewModel } from '../../model/schema-model'
import { tokenize } from './sqlite-sql-tokens'

/**
 * canonicalView compares a view by its SELECT in one spelling: tokens joined by single spaces, comments
 * dropped, words and identifiers in lower case (SQLite matches both case-insensitively) and identifiers
 * unquoted; string literals stay as written. The text to write is kept in `definitionSql`. SQLite has no
 * schemas and no materialized views.
 */
export function canonicalView(view: ViewModel): ViewModel {
  const written = view.definitionSql ?? view.definition
  return {
    name: view.name,
    definition: canonicalDefinition(written),
    definitionSql: written,
    reads: view.reads.map((r) => ({ name: r.name, ...(r.columns !== undefined && { columns: r.columns }) })),
    ...(view.declaredColumns !== undefined && { declaredColumns: view.declaredColumns }),
  }
}

function canonicalDefinition(sql: string): string {
  return tokenize(sql)
    .map((t) => (t.kind === 'string' || t.kind === 'number' ? t.text : t.kind === 'ident' ? t.value.toLowerCase() : t.text.toLowerCase()))
    .join(' ')
}
