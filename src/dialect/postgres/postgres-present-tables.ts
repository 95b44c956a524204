import type { QualifiedName } from '../../model/schema-model'
import type { DatabaseConnection } from '../dialect'
import { qualified } from './postgres-quote'

/** presentPostgresTables are those of `tables` the database has (a schema left out: the connection's search path). */
export async function presentPostgresTables(connection: DatabaseConnection, tables: readonly QualifiedName[]): Promise<QualifiedName[]> {
  if (tables.length === 0) return []
  const names = tables.map(qualified)
  const rows = await connection.query<{ name: string }>('SELECT n AS name FROM unnest($1::text[]) AS n WHERE to_regclass(n) IS NOT NULL', [names])
  const present = new Set(rows.map((row) => row.name))
  return tables.filter((_, i) => present.has(names[i]!))
}
