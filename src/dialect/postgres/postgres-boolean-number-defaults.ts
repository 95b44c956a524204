import type { SchemaModel } from '../../model/schema-model'

const numberTypes: ReadonlySet<string> = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision'])

/**
 * booleanNumberDefaults are the refusals of the number columns whose default is a boolean (`@Column({ type: 'int', default:
 * true })`) before anything is written: PostgreSQL refuses it ("default expression is of type boolean"), which failed
 * the migration, as it fails TypeORM's synchronize. MySQL and SQLite store such a default as 1 or 0.
 */
export function booleanNumberDefaults(model: SchemaModel): string[] {
  return model.tables.flatMap((table) => table.columns.filter((c) => numberTypes.has(c.type) && c.isArray !== true && /^(?:true|false)$/i.test(c.default ?? '')).map((column) => {
    const number = /^true$/i.test(column.default!) ? 1 : 0
    return `"${table.name}"."${column.name}" is ${column.type} with the default ${column.default}, which PostgreSQL refuses on a number: ` +
      `write default: ${number}, then run again`
  }))
}
