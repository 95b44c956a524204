import { byQualifiedName, qualifiedKey } from '../../model/qualified-name'
import type { ColumnModel, EnumTypeModel, EnumUser, SchemaModel } from '../../model/schema-model'
import type { DatabaseConnection } from '../dialect'

/**
 * The columns (`a`, of relation `c` in schema `cn`) of the named enum types (`t` in schema `tn`, or arrays of
 * them: `at` is the column's own type) in the relations of the kinds given, outside the relations listed.
 */
const enumColumnsElsewhere = (relationKinds: string) => `
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace cn ON cn.oid = c.relnamespace
JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
JOIN pg_catalog.pg_type t ON t.oid = CASE WHEN at.typcategory = 'A' THEN at.typelem ELSE at.oid END
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped AND t.typtype = 'e'
  AND c.relkind IN (${relationKinds}) AND NOT c.relispartition
  AND (tn.nspname, t.typname) IN (SELECT * FROM unnest($1::text[], $2::text[]))
  AND (cn.nspname, c.relname) NOT IN (SELECT * FROM unnest($3::text[], $4::text[]))`

/** Of the named enum types, those a column of a relation not in the given list uses (a table, view or composite type). */
const enumsUsedElsewhereQuery = `SELECT DISTINCT tn.nspname::text AS schema, t.typname::text AS name${enumColumnsElsewhere("'r', 'p', 'v', 'm', 'f', 'c'")}`

/**
 * keepingHeldEnums puts on the entities' side, as the database has it, each enum type the entities do not
 * declare that a column outside the diff still uses: of a table left alone (an entity declared `synchronize:
 * false`, `ignoreTables`, another schema), of a view or of a composite type. The diff would drop it, which
 * PostgreSQL refuses while the column uses it, or take it for a new enum of the same labels and rename it
 * from under that column. One query, asked only where the database has an enum the entities lack.
 */
export async function keepingHeldEnums(desired: SchemaModel, actual: SchemaModel, connection: DatabaseConnection): Promise<SchemaModel> {
  const declared = new Set(desired.enums.map(qualifiedKey))
  const undeclared = actual.enums.filter((e) => !declared.has(qualifiedKey(e)))
  if (undeclared.length === 0) return desired
  const diffed = [...actual.tables, ...actual.views]
  const rows = await connection.query<{ schema: string; name: string }>(enumsUsedElsewhereQuery, [
    undeclared.map((e) => e.schema ?? ''),
    undeclared.map((e) => e.name),
    diffed.map((r) => r.schema ?? ''),
    diffed.map((r) => r.name),
  ])
  const held = new Set(rows.map(qualifiedKey))
  const kept: EnumTypeModel[] = undeclared.filter((e) => held.has(qualifiedKey(e)))
  if (kept.length === 0) return desired
  return { ...desired, enums: [...desired.enums, ...kept].sort(byQualifiedName) }
}

/** The columns of tables not in the given list of the named enum types, with what moving them over needs. */
const enumColumnsElsewhereQuery = `
SELECT cn.nspname::text AS table_schema, c.relname::text AS table_name, a.attname::text AS column_name,
  tn.nspname::text AS schema, t.typname::text AS name, at.typcategory = 'A' AS is_array,
  pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS column_default${enumColumnsElsewhere("'r', 'p'")}
ORDER BY cn.nspname, c.relname, a.attnum`

interface EnumColumnRow {
  readonly table_schema: string
  readonly table_name: string
  readonly column_name: string
  readonly schema: string
  readonly name: string
  readonly is_array: boolean
  readonly column_default: string | null
}

/**
 * withUsersOutside gives each enum type whose labels the entities change the columns of tables outside the diff
 * that use it (`usersOutside`): PostgreSQL removes a label only by making the type again, and cannot drop the
 * old type while a column still uses it. A table an entity declared `synchronize: false` is left alone, but its
 * column of the type the entity shares moves over with the others (through its text, a row holding a label
 * removed stopping the migration). One query, asked only where the labels of an enum type change.
 */
export async function withUsersOutside(desired: SchemaModel, actual: SchemaModel, connection: DatabaseConnection): Promise<SchemaModel> {
  const actualValues = new Map(actual.enums.map((e) => [qualifiedKey(e), e.values.join('\0')]))
  const changed = desired.enums.filter((e) => {
    const values = actualValues.get(qualifiedKey(e))
    return values !== undefined && values !== e.values.join('\0')
  })
  if (changed.length === 0) return desired
  const diffed = actual.tables
  const rows = await connection.query<EnumColumnRow>(enumColumnsElsewhereQuery, [
    changed.map((e) => e.schema ?? ''),
    changed.map((e) => e.name),
    diffed.map((t) => t.schema ?? ''),
    diffed.map((t) => t.name),
  ])
  if (rows.length === 0) return desired
  const usersOf = (e: EnumTypeModel) => rows.filter((r) => r.schema === (e.schema ?? '') && r.name === e.name).map(userOf)
  return {
    ...desired,
    enums: desired.enums.map((e) => {
      const users = changed.includes(e) ? usersOf(e) : []
      return users.length > 0 ? { ...e, usersOutside: users } : e
    }),
  }
}

function userOf(row: EnumColumnRow): EnumUser {
  const column: ColumnModel = {
    name: row.column_name,
    type: 'enum',
    nullable: true,
    enumName: row.name,
    ...(row.schema !== row.table_schema && { enumSchema: row.schema }),
    ...(row.is_array && { isArray: true }),
    ...(row.column_default !== null && { default: row.column_default }),
  }
  return { table: { schema: row.table_schema, name: row.table_name }, column }
}
