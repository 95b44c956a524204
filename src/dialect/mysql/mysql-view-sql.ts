import type { ViewModel } from '../../model/schema-model'
import { writtenDefinition } from '../../model/written-sql'
import { quoteIdent } from './mysql-quote'

/** createViewSql creates a view (MySQL has no materialized views). */
export function createViewSql(view: ViewModel): string {
  return `CREATE VIEW ${quoteIdent(view.name)} AS ${writtenDefinition(view)}`
}

/** dropViewSql drops a view, re-runnably. */
export function dropViewSql(view: ViewModel): string {
  return `DROP VIEW IF EXISTS ${quoteIdent(view.name)}`
}

/** replaceViewSql changes a view's definition in place. */
export function replaceViewSql(view: ViewModel): string {
  return `CREATE OR REPLACE VIEW ${quoteIdent(view.name)} AS ${writtenDefinition(view)}`
}
