import { EntitySchema, type EntitySchemaColumnOptions, type EntitySchemaRelationOptions, ViewColumn, ViewEntity } from 'typeorm'
import { RenamedFrom } from '../../src/source/renamed-from'
import type { ColumnSpec, FuzzDialect, IndexSpec, SchemaSpec, TableSpec, ViewSpec } from './schema-spec'
import { checkColumns, columnById, hasPartialIndexes, isEmbedded, keyPartColumn, referencesKeyPart, tableById } from './schema-spec'

/**
 * entitySchemas writes a schema spec as TypeORM EntitySchemas, as a DataSource's `entities`. Each maps a class
 * of its own, which carries `@RenamedFrom(<old name>)` when `renamedFrom` names the table's old name (stated
 * that way, an entity rename carries its junction tables along).
 */
export function entitySchemas(spec: SchemaSpec, dialect: FuzzDialect, renamedFrom: ReadonlyMap<number, string> = new Map()): (EntitySchema | (new () => object))[] {
  const views = (spec.views ?? []).map((view) => (view.over === undefined ? viewSchema(spec, view, dialect) : viewOverView(spec, view, dialect)))
  return [...views, ...spec.tables.flatMap((table) => {
    const name = entityName(table.id)
    const target = { [name]: class {} }[name]!
    const old = renamedFrom.get(table.id)
    if (old !== undefined) RenamedFrom(old)(target)
    const schema = entitySchema(spec, table, dialect, target, spec.sharedLabels ?? ['a', 'b', 'c'])
    return table.childColumns === undefined ? [schema] : [schema, childSchema(table, dialect, target, schema)]
  })]
}

/** childSchema is the single-table child of a table's entity, declaring its `childColumns` (taken out of the parent's). */
function childSchema(table: TableSpec, dialect: FuzzDialect, parent: new () => object, parentSchema: EntitySchema): EntitySchema {
  const name = `${entityName(table.id)}Child`
  const target = { [name]: class extends parent {} }[name]!
  const columns: Record<string, EntitySchemaColumnOptions> = {}
  for (const id of table.childColumns!) {
    columns[`c${id}`] = parentSchema.options.columns[`c${id}`]!
    delete parentSchema.options.columns[`c${id}`]
  }
  return new EntitySchema({ name, target, type: 'entity-child', discriminatorValue: 'child', columns })
}

/** viewSchema writes a view as a view entity, its SQL naming the table and columns as the spec has them now. */
function viewSchema(spec: SchemaSpec, view: ViewSpec, dialect: FuzzDialect): EntitySchema {
  const table = tableById(spec, view.table)!
  const quote = quoteFor(dialect)
  const selected = selectedBy(table, view).map(quote)
  return new EntitySchema({
    name: `V${view.id}`,
    type: 'view',
    tableName: view.name,
    expression: `SELECT ${selected.join(', ')} FROM ${table.schema === undefined ? '' : `${quote(table.schema)}.`}${quote(table.name)}`,
    ...(view.materialized === true && { materialized: true }),
    columns: { id: { type: 'int', name: 'id' } },
  })
}

/**
 * viewOverView writes a view over another view as a `@ViewEntity` class: an EntitySchema has no `dependsOn`, which
 * orders the creation of the two.
 */
function viewOverView(spec: SchemaSpec, view: ViewSpec, dialect: FuzzDialect): new () => object {
  const base = spec.views!.find((v) => v.id === view.over)!
  const quote = quoteFor(dialect)
  const name = `V${view.id}`
  const target = { [name]: class {} }[name]!
  ViewEntity({
    name: view.name,
    expression: `SELECT ${selectedBy(tableById(spec, view.table)!, view).map(quote).join(', ')} FROM ${quote(base.name)}`,
    dependsOn: [`V${base.id}`],
    ...(view.materialized === true && { materialized: true }),
  })(target)
  ViewColumn({ name: 'id' })(target.prototype, 'id')
  return target
}

/** selectedBy names the columns a view selects: `id` and its columns, as the table names them now. */
const selectedBy = (table: TableSpec, view: ViewSpec) => ['id', ...view.columns.map((id) => columnById(table, id)!.name)]

// TypeORM sends a view's SQL, a check or an index predicate as written: MariaDB (without ANSI_QUOTES) quotes with backticks.
const quoteFor = (dialect: FuzzDialect) => (name: string) => (dialect === 'mariadb' ? `\`${name.replace(/`/g, '``')}\`` : `"${name.replace(/"/g, '""')}"`)

// TypeORM's EntitySchema passes `generated` on as the strategy, though its type leaves out the identity columns.
const identity = 'identity' as 'increment'

/** entityName is the (stable) entity name of a table id. */
export const entityName = (tableId: number) => `T${tableId}`

function entitySchema(spec: SchemaSpec, table: TableSpec, dialect: FuzzDialect, target: new () => object, sharedLabels: readonly string[]): EntitySchema {
  const quoted = (id: number) => quoteFor(dialect)(columnById(table, id)!.name)
  // An embedded column's property path goes through the embedded's property.
  const property = (id: number) => (isEmbedded(table, id) ? `e.c${id}` : `c${id}`)
  const relations: Record<string, EntitySchemaRelationOptions> = {}
  for (const r of table.relations) {
    const joinColumn = { name: r.columnName, referencedColumnName: r.toColumn === undefined ? 'id' : `c${r.toColumn}` }
    relations[`r${r.id}`] = {
      type: r.oneToOne === true ? 'one-to-one' : 'many-to-one',
      target: entityName(r.target),
      nullable: true,
      onDelete: r.onDelete,
      ...(r.onUpdate !== undefined && { onUpdate: r.onUpdate }),
      ...(r.deferrable !== undefined && { deferrable: r.deferrable }),
      joinColumn: referencesKeyPart(spec, r) ? [joinColumn, { name: keyPartColumn(r.id), referencedColumnName: 'k2' }] : joinColumn,
    }
  }
  for (const m of table.manyToMany) {
    relations[`m${m.id}`] = { type: 'many-to-many', target: entityName(m.target), joinTable: m.joinName === undefined ? true : { name: m.joinName, joinColumn: { name: `own ${m.id}`, referencedColumnName: 'id' }, inverseJoinColumn: { name: `inv ${m.id}`, referencedColumnName: 'id' } } }
  }
  const columns: Record<string, EntitySchemaColumnOptions> = { id: primaryKeyColumn(table, dialect) }
  if (table.compositeKey === true) columns.k2 = { type: 'int', primary: true, default: 1 }
  for (const c of table.columns.filter((x) => !isEmbedded(table, x.id))) {
    columns[`c${c.id}`] = c.kind === 'generated'
      ? { name: c.name, nullable: true, type: 'bigint', generatedType: c.stored === true ? 'STORED' : 'VIRTUAL', asExpression: `${quoted(c.source!)} + 1`, ...(c.comment !== undefined && { comment: c.comment }) }
      : columnOptions(c, dialect, sharedLabels)
  }
  return new EntitySchema({
    name: entityName(table.id),
    target,
    tableName: table.name,
    ...(table.schema !== undefined && { schema: table.schema }),
    columns,
    relations,
    ...(table.embedded !== undefined && { embeddeds: { e: { schema: embeddedSchema(table, dialect, sharedLabels), prefix: table.embedded.prefix } } }),
    ...(table.childColumns !== undefined && { inheritance: { pattern: 'STI', column: { name: 'kind', type: 'varchar', length: 20 } } }),
    indices: table.indexes.map((i) => ({
      ...(i.name !== undefined && { name: i.name }),
      ...(i.name === undefined && namedAsUnique(table, i, dialect) && { name: `ix ${i.id}` }),
      columns: i.columns.map(property),
      unique: i.unique,
      ...(i.fulltext === true && { fulltext: true }),
      ...(i.partial && hasPartialIndexes(dialect) && { where: enumLike(table, i.columns[0]) ? `${quoted(i.columns[0])} <> 'b'` : `${quoted(i.columns[0])} IS NOT NULL` }),
    })),
    uniques: table.uniques.map((u) => ({ columns: u.columns.map(property) })),
    checks: table.checks.map((c) => ({ expression: checkColumns(c).map((id) => (enumLike(table, id) ? `${quoted(id)} IN ('a', 'b')` : `${quoted(id)} >= 0`)).join(' OR ') })),
    exclusions: (table.exclusions ?? []).map((x) => ({ expression: `USING btree ("id" WITH =) WHERE (${quoted(x.column)} IS NOT NULL)` })),
  })
}

/** embeddedSchema is the embedded class of a table's entity: its columns, each named without the prefix TypeORM puts before it. */
function embeddedSchema(table: TableSpec, dialect: FuzzDialect, sharedLabels: readonly string[]): EntitySchema {
  const { prefix } = table.embedded!
  const name = `${entityName(table.id)}Embedded`
  const columns: Record<string, EntitySchemaColumnOptions> = {}
  for (const c of table.columns.filter((x) => isEmbedded(table, x.id))) {
    const title = c.name.slice(prefix.length)
    if (!c.name.startsWith(prefix)) throw new Error(`embedded column ${c.name} is not named after prefix ${prefix}`)
    columns[`c${c.id}`] = { ...columnOptions(c, dialect, sharedLabels), name: title }
  }
  return new EntitySchema({ name, target: { [name]: class {} }[name]!, columns })
}

/**
 * namedAsUnique says whether TypeORM would give an unnamed index the name of a unique: on MariaDB a unique is
 * a unique index named like an index, from its table and sorted columns, so the two would share that name.
 */
function namedAsUnique(table: TableSpec, index: IndexSpec, dialect: FuzzDialect): boolean {
  const key = (columns: readonly number[]) => JSON.stringify([...columns].sort())
  return dialect === 'mariadb' && table.uniques.some((u) => key(u.columns) === key(index.columns))
}

function primaryKeyColumn(table: TableSpec, dialect: FuzzDialect): EntitySchemaColumnOptions {
  const type = table.bigKey === true ? 'bigint' : 'int'
  switch (table.primaryKey) {
    case 'increment': return { type, primary: true, generated: 'increment' }
    case 'int': return { type, primary: true }
    case 'uuid': return dialect === 'sqlite' ? { type, primary: true } : { type: 'uuid', primary: true, generated: 'uuid' }
    case 'identity': return { type, primary: true, generated: identity }
  }
}

function columnOptions(c: ColumnSpec, dialect: FuzzDialect, sharedLabels: readonly string[]): EntitySchemaColumnOptions {
  const base = { name: c.name, nullable: c.nullable, ...(c.comment !== undefined && { comment: c.comment }) }
  const withDefault = c.defaultVariant === undefined ? {} : { default: defaultOf(c, c.defaultVariant) }
  switch (c.kind) {
    case 'int': return { ...base, ...withDefault, type: 'int' }
    case 'bigint': return { ...base, ...withDefault, type: 'bigint' }
    case 'varchar': return { ...base, ...withDefault, type: 'varchar', length: c.length }
    case 'text': return { ...base, ...withDefault, type: 'text' }
    case 'boolean': return { ...base, ...withDefault, type: 'boolean' }
    case 'numeric': return { ...base, ...withDefault, type: 'numeric', precision: c.precision, scale: c.scale ?? 2 }
    case 'double': return { ...base, ...withDefault, type: { postgres: 'double precision', sqlite: 'real', mariadb: 'double' }[dialect] as 'double' }
    case 'timestamp': return { ...base, ...withDefault, type: dialect === 'postgres' ? 'timestamp' : 'datetime', ...(c.timePrecision !== undefined && { precision: c.timePrecision }) }
    case 'uuid': return { ...base, type: 'uuid' }
    case 'json': return { ...base, ...withDefault, type: dialect === 'postgres' ? 'jsonb' : 'json' }
    case 'timestamptz': return { ...base, ...withDefault, type: dialect === 'postgres' ? 'timestamptz' : 'datetime', ...(dialect === 'mariadb' && { precision: 6 }) }
    case 'sharedEnum': return { ...base, ...withDefault, type: dialect === 'sqlite' ? 'simple-enum' : 'enum', enum: [...sharedLabels], enumName: 'shared_e' }
    case 'sharedEnumArray': return { ...base, ...withDefault, type: 'enum', enum: [...sharedLabels], enumName: 'shared_e', array: true }
    case 'textArray': return { ...base, ...withDefault, type: 'text', array: true }
    case 'createDate': return { ...base, createDate: true, type: dialect === 'postgres' ? 'timestamptz' : 'datetime', ...(dialect === 'mariadb' && { precision: 6 }) }
    case 'updateDate': return { ...base, updateDate: true, type: dialect === 'postgres' ? 'timestamp' : 'datetime', ...(dialect === 'mariadb' && { precision: 3 }) }
    case 'deleteDate': return { ...base, deleteDate: true, type: dialect === 'postgres' ? 'timestamp' : 'datetime', ...(dialect === 'mariadb' && { precision: 6 }) }
    case 'version': return { ...base, version: true, type: 'int' }
    case 'set': return { ...base, ...withDefault, type: 'set', enum: [...c.labels!] }
    case 'tinyint': return { ...base, ...withDefault, type: dialect === 'mariadb' ? 'tinyint' : 'smallint', ...(dialect === 'mariadb' && { unsigned: c.unsigned === true }) }
    case 'collated': return { ...base, ...withDefault, type: 'varchar', length: 30, ...collationOf(dialect, c.collation ?? 0) }
    case 'enumArray': return { ...base, ...withDefault, type: 'enum', enum: [...c.labels!], array: true }
    case 'uuidDefault': return { ...base, type: 'uuid', generated: 'uuid' }
    case 'enum': return { ...base, ...withDefault, type: dialect === 'sqlite' ? 'simple-enum' : 'enum', enum: [...c.labels!] }
    case 'intArray': return { ...base, ...withDefault, type: 'int', array: true }
    case 'date': return { ...base, ...withDefault, type: 'date' }
    case 'time': return { ...base, ...withDefault, type: 'time' }
    case 'char': return { ...base, ...withDefault, type: dialect === 'sqlite' ? 'character' : 'char', length: c.length }
    case 'blob': return { ...base, type: dialect === 'postgres' ? 'bytea' : 'blob' }
    case 'simpleArray': return { ...base, type: 'simple-array' }
    case 'simpleJson': return { ...base, type: 'simple-json' }
    case 'decimal': return { ...base, ...withDefault, type: 'decimal' }
    case 'inet': return { ...base, ...withDefault, type: 'inet' }
    case 'cidr': return { ...base, type: 'cidr' }
    case 'serial': return { ...base, type: 'int', generated: 'increment' }
    case 'identity': return { ...base, type: 'int', generated: identity }
    case 'generated': throw new Error('a generated column is written by entitySchema')
  }
}

/** collationOf is a collated column's collation, or on MariaDB its charset alone (the charset's default collation). */
function collationOf(dialect: FuzzDialect, variant: number): Pick<EntitySchemaColumnOptions, 'collation' | 'charset'> {
  const collations = { postgres: ['C', 'POSIX'], sqlite: ['NOCASE', 'RTRIM'], mariadb: ['utf8mb4_bin', 'utf8mb4_unicode_ci', 'latin1_general_ci'] }[dialect]
  const charsets = dialect === 'mariadb' ? ['latin1', 'ascii'] : []
  return variant < collations.length ? { collation: collations[variant] } : { charset: charsets[variant - collations.length] }
}

const enumLike = (table: TableSpec, id: number) => ['enum', 'sharedEnum'].includes(columnById(table, id)!.kind)

/** defaultOf is a column's default as an entity states it, by variant. */
export function defaultOf(c: ColumnSpec, variant: number): unknown {
  const pick = (a: unknown, b: unknown) => (variant === 0 ? a : b)
  switch (c.kind) {
    case 'int':
    case 'bigint': return pick(7, 8)
    case 'varchar':
    case 'text': return pick('dflt', "it's")
    case 'boolean': return pick(false, true)
    case 'numeric': return pick(0, 2.5)
    // A fraction on a type with no scale: TypeORM's MySQL driver wrote 1.5 as 2.
    case 'double': return pick(1.5, 0.25)
    case 'timestamp': return pick(() => 'CURRENT_TIMESTAMP', '2024-01-01 00:00:00')
    case 'enum': return pick('a', 'b')
    case 'sharedEnum': return pick('a', 'b')
    case 'json': return pick({}, { k: "it's" })
    case 'intArray': return pick([], [1, 2])
    case 'textArray': return pick([], ['x y', 'z'])
    case 'enumArray': return pick(() => "'{}'", () => "'{b}'")
    case 'sharedEnumArray': return pick(() => "'{}'", () => "'{a,b}'")
    case 'timestamptz': return pick(() => 'now()', () => 'CURRENT_TIMESTAMP(6)')
    case 'set': return pick('a', 'a,b')
    case 'tinyint': return pick(7, 8)
    case 'collated': return pick('dflt', "it's")
    case 'date': return pick('2024-01-01', '2000-02-29')
    case 'time': return pick('12:00:00', '00:00:01')
    case 'char': return pick('dflt', "it's")
    case 'decimal': return pick(0, 3)
    case 'inet': return pick('127.0.0.1', '::1')
    default: throw new Error(`no default for ${c.kind}`)
  }
}

