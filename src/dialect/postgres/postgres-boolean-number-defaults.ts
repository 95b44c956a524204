import type { SchemaModel } from '../../model/schema-model'
import { UserError } from '../../source/user-error'

const numberTypes: ReadonlySet<string> = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision'])

/**
 * refuseBooleanNumberDefaults stops on a number column whose default is a boolean (`@Column({ type: 'int', default:
 * true })`) before anything is written: PostgreSQL refuses it ("default expression is of type boolean"), which failed
 * the migration, as it fails TypeORM's synchronize. MySQL and SQLite store such a default as 1 or 0.
 */
export function refuseBooleanNumberDefaults(model: SchemaModel): void {
  for (const table of model.tables) {
    const column = table.columns.find((c) => numberTypes.has(c.type) && c.isArray !== true && /^(?:true|false)$/i.test(c.default ?? ''))
    if (column === undefined) continue
    const number = /^true$/i.test(column.default!) ? 1 : 0
    throw new UserError(`"${table.name}"."${column.name}" is ${column.type} with the default ${column.default}, which PostgreSQL refuses on a number: ` +
      `write default: ${number}, then run again`)
  }
}
