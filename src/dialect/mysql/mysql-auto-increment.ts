import type { SchemaModel, TableModel } from '../../model/schema-model'
import { UserError } from '../../source/user-error'

/**
 * refuseUnkeyedAutoIncrement stops on a table MySQL and MariaDB cannot make: an auto-increment column "must be
 * defined as a key", first in the primary key or an index on InnoDB, anywhere in one on other engines (MyISAM,
 * Aria). PostgreSQL takes such a column (`@Generated('increment')` beside another primary key), so entities
 * written for it reach MySQL with one; the migration failed at that table, after the statements before it had
 * run, as MySQL cannot roll DDL back. (Two such columns in one table TypeORM itself refuses.)
 */
export function refuseUnkeyedAutoIncrement(model: SchemaModel): void {
  for (const table of model.tables) {
    const column = table.columns.find((c) => c.generated?.kind === 'increment')
    if (column === undefined || keyed(table, column.name)) continue
    throw new UserError(`"${table.name}"."${column.name}" is auto-increment but ${innoDb(table) ? 'leads' : 'is in'} no key, which MySQL requires: make it the primary key or give it an index that starts with it, then run again`)
  }
}

function keyed(table: TableModel, column: string): boolean {
  const keys = [table.primaryKey?.columns ?? [], ...table.indexes.map((i) => i.columns), ...table.uniques.map((u) => u.columns)]
  return keys.some((columns) => (innoDb(table) ? columns[0] === column : columns.includes(column)))
}

const innoDb = (table: TableModel) => table.engine === undefined || table.engine.toLowerCase() === 'innodb'
