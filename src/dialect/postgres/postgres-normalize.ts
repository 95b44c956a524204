import type { DataSourceOptions } from 'typeorm'
import { byQualifiedName, compareText, qualifiedKey } from '../../model/qualified-name'
import type { ColumnModel, EnumTypeModel, SchemaModel, TableModel } from '../../model/schema-model'
import { UserError } from '../../source/user-error'
import { storedIdentifier } from './postgres-quote'
import { canonicalTable } from './postgres-canonical-table'
import { canonicalView } from './postgres-view-definition'
import { viewWithStoredNames, withStoredNames } from './postgres-stored-names'
import { withQuotedLiteralDefault } from './postgres-quoted-literal-defaults'

/** PostgresSettings are the DataSource options that change what the entities mean on PostgreSQL. */
export interface PostgresSettings {
  /** The schema of tables that declare none: the DataSource's `schema`, else the connection's current_schema() (see searchSchema). */
  readonly defaultSchema: string
  /** TypeORM's `uuidExtension`: which function generated uuid columns default to. */
  readonly uuidExtension: 'uuid-ossp' | 'pgcrypto'
}

/**
 * settingsFrom reads the PostgreSQL settings of a DataSource's options (defaults when there are none), on a
 * connection whose current_schema() is `searchSchema` (undefined: its search_path names no schema that exists).
 */
export function settingsFrom(options: DataSourceOptions | undefined, searchSchema: string | undefined): PostgresSettings {
  const pg = options?.type === 'postgres' ? options : undefined
  const defaultSchema = pg?.schema ?? searchSchema
  if (defaultSchema === undefined) {
    throw new UserError('postgres: the DataSource gives no schema and no schema of the connection\'s search_path exists, so TypeORM has nowhere to put its tables: create the schema the search_path names, or set the DataSource\'s schema')
  }
  return { defaultSchema, uuidExtension: pg?.uuidExtension === 'pgcrypto' ? 'pgcrypto' : 'uuid-ossp' }
}

/** Extensions a column type needs installed. */
const typeExtensions: Readonly<Record<string, string>> = {
  citext: 'citext', hstore: 'hstore', ltree: 'ltree', cube: 'cube', geometry: 'postgis', geography: 'postgis',
  vector: 'vector', halfvec: 'vector',
}

/**
 * normalizePostgres brings an entity-side model (TypeORM's type names and defaults) to the canonical form
 * the introspector produces: default schema filled in, TypeORM's enum type names, names as PostgreSQL keeps
 * them (cut to 63 bytes), generated uuids as their default function, `enums`, `schemas` and `extensions` derived from the tables.
 */
export function normalizePostgres(model: SchemaModel, settings: PostgresSettings): SchemaModel {
  const tables = model.tables.map((t) => canonicalTable(withStoredNames(fillTable(t, settings)))).sort(byQualifiedName)
  const views = model.views.map((v) => canonicalView(viewWithStoredNames(v), settings.defaultSchema)).sort(byQualifiedName)
  const enums = collectEnums(tables, model.enums.map((e) => ({ ...e, schema: storedIdentifier(e.schema ?? settings.defaultSchema), name: storedIdentifier(e.name) })))
  const schemas = [settings.defaultSchema, ...model.schemas.map(storedIdentifier), ...tables.map((t) => t.schema!), ...enums.map((e) => e.schema!), ...views.map((v) => v.schema!)]
  // TypeORM installs btree_gist wherever an entity has an exclusion constraint, for `WITH =` on scalar columns in GiST.
  const exclusions = tables.some((t) => t.exclusions !== undefined) ? ['btree_gist'] : []
  const extensions = [...model.extensions, ...tables.flatMap((t) => t.columns.flatMap(neededExtensions)), ...exclusions]
  return {
    tables,
    enums,
    schemas: [...new Set(schemas)].sort(compareText),
    extensions: [...new Set(extensions)].sort(compareText),
    views,
  }
}

function fillTable(table: TableModel, settings: PostgresSettings): TableModel {
  return {
    ...table,
    schema: table.schema ?? settings.defaultSchema,
    columns: table.columns.map((c) => fillColumn(table, c, settings)),
    // TypeORM's PostgresQueryRunner makes a spatial index `USING GiST`.
    indexes: table.indexes.map((i) => (i.method === 'spatial' ? { ...i, method: 'gist' } : i)),
    foreignKeys: table.foreignKeys.map((f) => ({ ...f, referencedSchema: f.referencedSchema ?? settings.defaultSchema })),
  }
}

function fillColumn(table: TableModel, column: ColumnModel, settings: PostgresSettings): ColumnModel {
  let filled = withQuotedLiteralDefault(column)
  if (column.type === 'enum' || column.type === 'simple-enum') {
    // TypeORM's PostgresQueryRunner.buildEnumName: `${table}_${column.toLowerCase()}_enum` unless declared,
    // and the type is created under the name PostgreSQL keeps of it.
    const enumName = column.enumName ?? `${table.name}_${column.name.toLowerCase()}_enum`
    filled = { ...filled, type: 'enum', enumName: storedIdentifier(enumName) }
  } else if (column.enumValues !== undefined) {
    // An `enum` option on another type (`varchar`) TypeORM's PostgresQueryRunner leaves out: no type, no CHECK.
    const { enumValues: _values, enumName: _name, ...plain } = filled
    filled = plain
  }
  if (column.declared?.spatial?.featureType !== undefined && (column.type === 'geometry' || column.type === 'geography')) {
    filled = { ...filled, type: spatialType(column.type, column.declared.spatial.featureType, column.declared.spatial.srid) }
  }
  if (column.generated?.kind === 'rowid') {
    // CockroachDB's strategy: TypeORM's PostgresQueryRunner writes every generation but uuid and identity as a serial.
    filled = { ...filled, generated: { kind: 'increment' } }
  }
  if ((filled.generated?.kind === 'increment' || filled.generated?.kind === 'identity') && filled.nullable) {
    // PostgreSQL makes a serial or identity column NOT NULL whatever the entity says (TypeORM makes the columns of a
    // single-table child nullable): compared as nullable, it would be changed again by every migration.
    filled = { ...filled, nullable: false }
  }
  if (column.generated?.kind === 'uuid' && column.default === undefined) {
    // TypeORM's PostgresQueryRunner writes the generator of the DataSource's `uuidExtension`.
    const generator = settings.uuidExtension === 'pgcrypto' ? 'gen_random_uuid()' : 'uuid_generate_v4()'
    filled = { ...filled, default: generator, defaultSql: generator, defaultChosenByTypeorm: true }
  }
  return filled
}

/**
 * spatialType is the type TypeORM's PostgresDriver writes for a spatial feature type and SRID (`geometry(Point,4326)`;
 * an SRID without a feature type it leaves out), as PostGIS prints it: geography's SRID is 4326 unless given (or 0),
 * geometry's SRID 0 is no SRID, and a geometry of any feature type (`Geometry`) and no SRID is plain `geometry`.
 */
function spatialType(type: 'geometry' | 'geography', featureType: string, srid: number | undefined): string {
  const sridOf = srid === undefined || srid === 0 ? (type === 'geography' ? 4326 : undefined) : srid
  if (sridOf === undefined && featureType.toLowerCase() === 'geometry') return type
  return `${type}(${featureType}${sridOf === undefined ? '' : `,${sridOf}`})`
}

function collectEnums(tables: readonly TableModel[], declared: readonly EnumTypeModel[]): EnumTypeModel[] {
  const byKey = new Map<string, EnumTypeModel>()
  for (const e of declared) byKey.set(qualifiedKey(e), e)
  for (const table of tables) {
    for (const c of table.columns) {
      if (c.type !== 'enum' || c.enumName === undefined) continue
      const enumType: EnumTypeModel = { schema: table.schema, name: c.enumName, values: c.enumValues ?? [] }
      if (!byKey.has(qualifiedKey(enumType))) byKey.set(qualifiedKey(enumType), enumType)
    }
  }
  return [...byKey.values()].sort(byQualifiedName)
}

function neededExtensions(column: ColumnModel): string[] {
  const needs: string[] = []
  if (column.default !== undefined && /\buuid_generate_v/.test(column.default)) needs.push('uuid-ossp')
  const forType = typeExtensions[column.type.replace(/\(.*$/, '')]
  if (forType) needs.push(forType)
  return needs
}
