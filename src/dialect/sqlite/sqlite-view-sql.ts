import type { ViewModel } from '../../model/schema-model'
import { writtenDefinition } from '../../model/written-sql'
import { quoteIdent } from './sqlite-quote'

/** createViewSql creates a view; SQLite keeps the text as sent and prints it back so. */
export function createViewSql(view: ViewModel): string {
  return `CREATE VIEW ${quoteIdent(view.name)} AS ${writtenDefinition(view)}`
}

/** dropViewSql drops a view. */
export function dropViewSql(view: ViewModel): string {
  return `DROP VIEW ${quoteIdent(view.name)}`
}
