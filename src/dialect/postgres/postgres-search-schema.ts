import type { DatabaseConnection } from '../dialect'

const read = new WeakMap<DatabaseConnection, Promise<string | undefined>>()

/**
 * searchSchema is the connection's current_schema(): the first schema of its search_path that exists, where
 * TypeORM puts the tables of a DataSource without `schema` and its migrations table; undefined when none of
 * them exists. Read once per connection.
 */
export function searchSchema(connection: DatabaseConnection): Promise<string | undefined> {
  let schema = read.get(connection)
  if (schema === undefined) {
    schema = connection.query<{ schema: string | null }>('SELECT current_schema() AS schema').then(([row]) => row?.schema ?? undefined)
    read.set(connection, schema)
  }
  return schema
}
