import type { ViewModel } from '../../model/schema-model'
import { writtenDefinition } from '../../model/written-sql'
import { createIndexStatements } from './postgres-constraint-sql'
import { commentLiteral, qualified } from './postgres-quote'

/** createViewSql creates a view, or a materialized view with its rows and then its indexes, and gives it its comment. */
export function createViewSql(view: ViewModel): string[] {
  const kind = view.materialized === true ? 'MATERIALIZED VIEW' : 'VIEW'
  return [
    `CREATE ${kind} ${qualified(view)} AS ${writtenDefinition(view)}`,
    ...(view.indexes ?? []).flatMap((i) => createIndexStatements(view, i)),
    ...(view.comment !== undefined ? [`COMMENT ON ${kind} ${qualified(view)} IS ${commentLiteral(view.comment)}`] : []),
  ]
}

/** dropViewSql drops a view or a materialized view (its indexes go with it). */
export function dropViewSql(view: ViewModel): string {
  return `DROP ${view.materialized === true ? 'MATERIALIZED VIEW' : 'VIEW'} ${qualified(view)}`
}

/** replaceViewSql changes a view's definition in place; planned only when the columns stay the same. */
export function replaceViewSql(view: ViewModel): string {
  return `CREATE OR REPLACE VIEW ${qualified(view)} AS ${writtenDefinition(view)}`
}
