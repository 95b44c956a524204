import type { SchemaModel } from '../../model/schema-model'
import { UserError } from '../../source/user-error'
import { countsInSequence } from './postgres-column-sql'

/**
 * refuseUncountableIncrements stops on an auto-increment column of a type no sequence counts in, before anything
 * is written (`@Generated() @PrimaryColumn() id: string`, as n8n declares its executions' key): a new table with it
 * has no CREATE TABLE, and a serial column the database has, made that type, would be altered with
 * `ALTER SEQUENCE ... AS varchar`, which fails the migration. TypeORM's synchronize fails on such a table too.
 */
export function refuseUncountableIncrements(model: SchemaModel): void {
  for (const table of model.tables) {
    const column = table.columns.find((c) => c.generated?.kind === 'increment' && !countsInSequence(c))
    if (column === undefined) continue
    throw new UserError(`"${table.name}"."${column.name}" is auto-increment but of type ${column.type}${column.isArray === true ? '[]' : ''}, ` +
      `which PostgreSQL cannot count in: give it an integer type (type: 'int'), then run again`)
  }
}
