import type { QualifiedName } from '../model/schema-model'
import type { RuleContext } from './rule-context'

/**
 * namedAsInDatabase says whether every column of table `table` that an expression `mentions`, just before
 * operation `index`, has the name the database gives it: none renamed or added before it. An expression the
 * migration writes (a partial index's predicate, a check's) names the table's columns as the migration does, so
 * it can be asked of the database only then; the columns it does not name may be added or renamed freely.
 */
export function namedAsInDatabase(context: RuleContext, index: number, table: QualifiedName, mentions: (column: string) => boolean): boolean {
  return (context.input.changes.tableBefore(index)?.columns ?? [])
    .every((c) => !mentions(c.name) || context.origins.column(index, table, c.name)?.column.name === c.name)
}
