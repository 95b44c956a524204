import { byQualifiedName, qualifiedKey } from '../../model/qualified-name'
import type { EnumTypeModel, SchemaModel } from '../../model/schema-model'
import type { DatabaseConnection } from '../dialect'

/** Of the named enum types, those a column of a relation not in the given list uses (a table, view or composite type). */
const enumsUsedElsewhereQuery = `
SELECT DISTINCT tn.nspname::text AS schema, t.typname::text AS name
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace cn ON cn.oid = c.relnamespace
JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
JOIN pg_catalog.pg_type t ON t.oid = CASE WHEN at.typcategory = 'A' THEN at.typelem ELSE at.oid END
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
WHERE a.attnum > 0 AND NOT a.attisdropped AND t.typtype = 'e'
  AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') AND NOT c.relispartition
  AND (tn.nspname, t.typname) IN (SELECT * FROM unnest($1::text[], $2::text[]))
  AND (cn.nspname, c.relname) NOT IN (SELECT * FROM unnest($3::text[], $4::text[]))`

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
