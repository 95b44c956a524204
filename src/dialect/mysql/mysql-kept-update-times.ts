import type { TableModel } from '../../model/schema-model'
import { quoteIdent } from './mysql-quote'

/**
 * keptUpdateTimes is the assignments an UPDATE the migration writes adds so that the table's `ON UPDATE
 * CURRENT_TIMESTAMP` columns (an @UpdateDateColumn) keep their values: the server sets them to the current time in
 * every row the UPDATE changes, unless the UPDATE assigns them itself. Moving rows to a renamed label is no edit of
 * those rows by the application. `table` is the table as the UPDATE finds it; `set` the column the UPDATE sets.
 */
export function keptUpdateTimes(table: TableModel | undefined, set: string): string {
  return (table?.columns ?? [])
    .filter((column) => column.onUpdate !== undefined && column.name !== set)
    .map((column) => `, ${quoteIdent(column.name)} = ${quoteIdent(column.name)}`)
    .join('')
}
