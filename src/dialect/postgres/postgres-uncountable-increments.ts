import type { SchemaModel } from '../../model/schema-model'
import { countsInSequence } from './postgres-column-sql'

/**
 * uncountableIncrements are the refusals of the auto-increment columns of a type no sequence counts in, before anything
 * is written (`@Generated() @PrimaryColumn() id: string`, as n8n declares its executions' key): a new table with it
 * has no CREATE TABLE, and a serial column the database has, made that type, would be altered with
 * `ALTER SEQUENCE ... AS varchar`, which fails the migration. TypeORM's synchronize fails on such a table too.
 */
export function uncountableIncrements(model: SchemaModel): string[] {
  return model.tables.flatMap((table) => table.columns.filter((c) => c.generated?.kind === 'increment' && !countsInSequence(c)).map((column) =>
    `"${table.name}"."${column.name}" is auto-increment but of type ${column.type}${column.isArray === true ? '[]' : ''}, ` +
      `which PostgreSQL cannot count in: give it an integer type (type: 'int'), then run again`))
}
