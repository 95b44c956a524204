import type { SchemaModel } from '../../model/schema-model'
import type { DatabaseConnection } from '../dialect'

/**
 * unknownCollations are the refusals of the columns' collations the database does not have for its encoding, before
 * anything is written (activepieces' `en_natural`, which a hand-written migration of theirs creates; another
 * server's `en_US`): the migration would fail at that table. The database is asked, in one query, only for
 * the names no column of it uses already; a name is found in any schema, as PostgreSQL compares it, by case.
 */
export async function unknownCollations(desired: SchemaModel, actual: SchemaModel, connection: DatabaseConnection): Promise<string[]> {
  const held = new Set(actual.tables.flatMap((t) => t.columns.flatMap((c) => (c.collation === undefined ? [] : [c.collation]))))
  const declared = desired.tables.flatMap((table) => table.columns.flatMap((column) =>
    column.collation === undefined || held.has(column.collation) ? [] : [{ table, column, collation: column.collation }]))
  if (declared.length === 0) return []
  const rows = await connection.query<{ collname: string }>(
    `SELECT DISTINCT collname FROM pg_catalog.pg_collation WHERE collname = ANY($1) ` +
    `AND collencoding IN (-1, (SELECT encoding FROM pg_catalog.pg_database WHERE datname = current_database()))`,
    [[...new Set(declared.map((d) => d.collation))]])
  const known = new Set(rows.map((r) => r.collname))
  return declared.filter((d) => !known.has(d.collation)).map((unknown) => `"${unknown.table.name}"."${unknown.column.name}" declares collation "${unknown.collation}", which this database does not have: ` +
    `create it first (CREATE COLLATION, in a migration of your own: typeorm-autogen create, then upgrade), or name one that pg_collation lists in the entity, then run again`)
}
