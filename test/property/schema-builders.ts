import type { ColumnKind, ColumnSpec, Deferrable, Embedded, FuzzDialect, IndexSpec, OnDelete, PrimaryKeyKind, RelationSpec, SchemaSpec, TableSpec, ViewSpec } from './schema-spec'
import { embeddedName, embeddedPrefixes, embeddedTitles, fulltextKinds, hasFulltextIndexes, alwaysFilled, otherSchema, referenceableColumns, referenceableKinds, comments, defaultVariants, generatedSourceKinds, distinctKindsOf, hasPartialIndexes, indexableKindsOf, kindsOf, checkableKinds } from './schema-spec'

/** ColumnSeed is the numbers a new column is picked by. */
export interface ColumnSeed {
  readonly name: number; readonly kind: number; readonly length: number; readonly precision: number
  readonly nullable: boolean; readonly defaultVariant: number | undefined
}

/** RelationSeed is the numbers a new relation is picked by. */
export interface RelationSeed {
  readonly target: number; readonly name: number; readonly onDelete: OnDelete; readonly oneToOne: boolean
  readonly onUpdate?: OnDelete; readonly deferrable?: Deferrable
  /** Picks a unique column of the target to reference instead of its key, where it has one. */
  readonly unique?: number
}

/** TableSeed is the numbers a new table is picked by (columns, constraints and relations pick modulo what exists). */
export interface TableSeed {
  readonly name: number
  readonly primaryKey: PrimaryKeyKind
  readonly compositeKey: boolean
  /** The key is a bigint (not a uuid key). */
  readonly bigKey?: boolean
  readonly columns: readonly ColumnSeed[]
  readonly indexes: readonly { readonly columns: readonly number[]; readonly unique: boolean; readonly partial: boolean; readonly named: boolean }[]
  readonly uniques: readonly (readonly number[])[]
  /** Each picks the one or two columns of a check. */
  readonly checks: readonly (readonly number[])[]
  readonly relations: readonly RelationSeed[]
  /** Picks a relation to the table itself or a later table (a cycle), if the table has one. */
  readonly later?: RelationSeed
  readonly manyToMany: readonly number[]
  /** Picks the child entity's columns under single-table inheritance, if the table has one. */
  readonly child?: readonly number[]
  /** Picks the prefix and the columns of an embedded class, if the table has one (and no child entity). */
  readonly embedded?: readonly number[]
  /** Picks the kind of a NOT NULL column with a unique of its own (that relations may reference), if the table has one. */
  readonly code?: number
  /** PostgreSQL: the table is in the second schema. */
  readonly otherSchema?: boolean
  /** Picks the source of a generated column, if the table has one. */
  readonly generated?: number
  readonly rows: number
}

// Awkward identifiers: reserved words, mixed case, spaces, quotes, unicode, and on PostgreSQL 63 bytes.
const tableNames = ['order', 'user', 'Mixed Case', 'naïve data', '2fa codes', 'e-mail log', 'select', 'CamelTable', 'plain']
const columnNames = ['Order', 'select', 'naïve', 'with space', 'camelCase', 'say "hi"', 'user', 'e-mail', 'x', 'Größe']
const viewNames = ['report', 'Mixed View', 'select view', 'naïve view']
const longColumnName = 'a_column_name_of_exactly_sixty_three_bytes_which_is_the_pg_max_'

/** namesFor lists the table or column names a dialect's cases draw from. */
export function namesFor(what: 'table' | 'column' | 'view', dialect: FuzzDialect): readonly string[] {
  if (what === 'table') return tableNames
  if (what === 'view') return viewNames
  return dialect === 'postgres' ? [...columnNames, longColumnName] : columnNames
}

/** freshName picks the `n`th name of `pool` not in `taken`, suffixed when all are taken. */
export function freshName(pool: readonly string[], n: number, taken: ReadonlySet<string>): string {
  const free = pool.filter((name) => !taken.has(name))
  if (free.length > 0) return free[n % free.length]
  for (let k = 2; ; k++) {
    const name = `${pool[n % pool.length].slice(0, 58)} ${k}`
    if (!taken.has(name)) return name
  }
}

/** Ids is the counter every column, index, constraint and relation id comes from. */
export class Ids {
  private next = 1
  constructor(schema?: SchemaSpec) {
    for (const t of schema?.tables ?? []) {
      for (const list of [t.columns, t.indexes, t.uniques, t.checks, t.relations, t.manyToMany]) {
        for (const item of list) this.next = Math.max(this.next, item.id + 1)
      }
      this.next = Math.max(this.next, t.id + 1)
    }
    for (const v of schema?.views ?? []) this.next = Math.max(this.next, v.id + 1)
  }
  take(): number { return this.next++ }
}

/** newTable builds a table from its seed; relations point at `earlier` tables only. */
export function newTable(dialect: FuzzDialect, ids: Ids, name: string, seed: TableSeed, earlier: readonly TableSpec[]): TableSpec {
  const taken = new Set(['id'])
  const columns = seed.columns.map((c) => {
    const column = newColumn(dialect, ids, c, taken)
    taken.add(column.name)
    return column
  })
  const code = seed.code === undefined ? undefined : newColumn(dialect, ids, { name: seed.code, kind: 0, length: 20, precision: 10, nullable: false, defaultVariant: undefined }, taken)
  if (code !== undefined) {
    columns.push({ ...code, kind: referenceableKinds[seed.code! % referenceableKinds.length], ...(seed.code! % 3 === 2 && { length: 20 }) })
    taken.add(code.name)
  }
  const embedded = seed.child === undefined && seed.embedded !== undefined ? embeddedOf(columns, seed.embedded, taken) : undefined
  const generated = seed.generated === undefined ? undefined : newGeneratedColumn(dialect, ids, columns, seed.generated, taken)
  if (generated !== undefined) {
    columns.push(generated)
    taken.add(generated.name)
  }
  const relations = earlier.length === 0 ? [] : seed.relations.map((r) => {
    const columnName = freshName(namesFor('column', dialect), r.name, taken)
    taken.add(columnName)
    return newRelation(dialect, ids, r, earlier[r.target % earlier.length], columnName)
  })
  const primaryKey = keyKindOn(dialect, seed.primaryKey)
  const compositeKey = seed.compositeKey && compositeKeyAllowed(dialect, primaryKey)
  const manyToManyTargets = compositeKey ? [] : earlier.filter((t) => t.compositeKey !== true)
  const pickColumns = (picks: readonly number[], kinds?: readonly ColumnKind[]) => {
    const allowed = columns.filter((c) => (kinds ?? indexableKindsOf(dialect)).includes(c.kind))
    return allowed.length === 0 ? [] : [...new Set(picks.map((p) => allowed[p % allowed.length].id))]
  }
  const table: TableSpec = {
    id: ids.take(),
    name,
    primaryKey,
    ...(compositeKey && { compositeKey }),
    ...(seed.bigKey === true && primaryKey !== 'uuid' && { bigKey: true }),
    ...(seed.otherSchema === true && dialect === 'postgres' && { schema: otherSchema }),
    ...(embedded !== undefined && { embedded }),
    ...(seed.child !== undefined && { childColumns: [...new Set(seed.child.flatMap((k) => (columns.length === 0 ? [] : [columns[k % columns.length].id])))] }),
    columns,
    relations,
    indexes: seed.indexes.flatMap((i) => {
      // Where a dialect has no partial indexes, the seed's partial one is a FULLTEXT one if it has those.
      const fulltext = i.partial && !i.unique && hasFulltextIndexes(dialect)
      const cols = pickColumns(i.columns, fulltext ? fulltextKinds : i.unique ? distinctKindsOf(dialect) : undefined)
      return cols.length === 0 ? [] : [{ id: ids.take(), columns: cols, unique: i.unique, partial: i.partial && hasPartialIndexes(dialect), ...(fulltext && { fulltext }) }]
    }).map((i, k) => (seed.indexes[k]?.named ? { ...i, name: `ix ${name} ${i.id}` } : i))
      .filter((i, k, all) => namedApart(i, all.slice(0, k))),
    uniques: [...(code === undefined ? [] : [{ id: ids.take(), columns: [code.id] }]), ...seed.uniques.flatMap((u) => {
      const cols = pickColumns(u, distinctKindsOf(dialect))
      return cols.length === 0 ? [] : [{ id: ids.take(), columns: cols }]
    })],
    checks: seed.checks.flatMap((picks) => {
      const [column, other] = pickColumns(picks, checkableKinds)
      return column === undefined ? [] : [{ id: ids.take(), column, ...(other !== undefined && { other }) }]
    }),
    manyToMany: manyToManyTargets.length === 0 ? [] : [...new Set(seed.manyToMany.map((m) => manyToManyTargets[m % manyToManyTargets.length].id))].map((target, k) => {
      const id = ids.take()
      return { id, target, ...((seed.manyToMany[k] ?? 0) % 2 === 1 && { joinName: `jt ${name} ${id}` }) }
    }),
    rows: seed.rows,
  }
  return table
}

/**
 * embeddedOf moves the columns `picks` choose (the first pick chooses the prefix) into an embedded class, renamed
 * as TypeORM names them, with names not in `taken` (which it extends).
 */
function embeddedOf(columns: ColumnSpec[], picks: readonly number[], taken: Set<string>): Embedded | undefined {
  if (columns.length === 0 || picks.length === 0) return undefined
  const prefix = embeddedPrefixes[picks[0]! % embeddedPrefixes.length]!
  const chosen = [...new Set(picks.map((k) => k % columns.length))]
  for (const k of chosen) {
    taken.delete(columns[k]!.name)
    columns[k] = { ...columns[k]!, name: freshEmbeddedName(prefix, picks[0]! + k, taken) }
    taken.add(columns[k]!.name)
  }
  return { prefix, columns: chosen.map((k) => columns[k]!.id) }
}

/** freshEmbeddedName is the `n`th name of an embedded column with `prefix` not in `taken`, suffixed when all are taken. */
export function freshEmbeddedName(prefix: string, n: number, taken: ReadonlySet<string>): string {
  return freshName(embeddedTitles.map((title) => embeddedName(prefix, title)), n, taken)
}

/** newRelation builds a relation to table `target` through column `columnName` (deferrable on PostgreSQL only). */
export function newRelation(dialect: FuzzDialect, ids: Ids, seed: RelationSeed, target: TableSpec, columnName: string): RelationSpec {
  const unique = referenceableColumns(target)
  return {
    id: ids.take(), target: target.id, columnName, onDelete: seed.onDelete, ...(seed.oneToOne && { oneToOne: true }),
    ...(seed.unique !== undefined && unique.length > 0 && { toColumn: unique[seed.unique % unique.length].id }),
    ...(seed.onUpdate !== undefined && { onUpdate: seed.onUpdate }),
    ...(seed.deferrable !== undefined && dialect === 'postgres' && { deferrable: seed.deferrable }),
  }
}

/**
 * withLaterRelations adds to each table whose seed asks for one a relation to itself or a later table: the
 * tables then reference each other in a cycle.
 */
export function withLaterRelations(dialect: FuzzDialect, ids: Ids, tables: readonly TableSpec[], seeds: readonly TableSeed[]): TableSpec[] {
  return tables.map((table, k) => {
    const seed = seeds[k]?.later
    if (seed === undefined) return table
    const targets = tables.slice(k)
    const taken = new Set(['id', ...table.columns.map((c) => c.name), ...table.relations.map((r) => r.columnName)])
    const columnName = freshName(namesFor('column', dialect), seed.name, taken)
    return { ...table, relations: [...table.relations, newRelation(dialect, ids, seed, targets[seed.target % targets.length], columnName)] }
  })
}

/** keyKindOn is the key kind a dialect has for the one drawn: SQLite has no uuid, identity is PostgreSQL's. */
export function keyKindOn(dialect: FuzzDialect, kind: PrimaryKeyKind): PrimaryKeyKind {
  if (dialect === 'sqlite' && kind === 'uuid') return 'int'
  return dialect !== 'postgres' && kind === 'identity' ? 'increment' : kind
}

/**
 * newView builds a view over a table of `tables` and up to two of its columns, or, where the seed says `over` and
 * one of `views` reads a table, over that view and its columns, under a name not in `taken`.
 */
export function newView(dialect: FuzzDialect, ids: Ids, tables: readonly TableSpec[], seed: ViewSeed, taken: ReadonlySet<string>, views: readonly ViewSpec[] = []): ViewSpec | undefined {
  const bases = seed.over ? views.filter((v) => v.over === undefined) : []
  const base = bases.length === 0 ? undefined : bases[seed.table % bases.length]
  const table = base === undefined ? tables[seed.table % Math.max(1, tables.length)] : tables.find((t) => t.id === base.table)
  if (table === undefined) return undefined
  const pool = base?.columns ?? table.columns.map((c) => c.id)
  const columns = pool.length === 0 ? [] : [...new Set(seed.columns.map((c) => pool[c % pool.length]))]
  return {
    id: ids.take(), name: freshName(namesFor('view', dialect), seed.table + seed.columns.length, taken), table: table.id, columns,
    ...(seed.materialized && dialect === 'postgres' && { materialized: true }),
    ...(base !== undefined && { over: base.id }),
  }
}

/** ViewSeed picks a view's table and columns (modulo what exists), whether it is materialized (PostgreSQL), and whether it reads another view. */
export interface ViewSeed { readonly table: number; readonly columns: readonly number[]; readonly materialized: boolean; readonly over: boolean }

/** compositeKeyAllowed says whether a key may take a second column: SQLite's AUTOINCREMENT is on a key of one column only. */
export const compositeKeyAllowed = (dialect: FuzzDialect, primaryKey: PrimaryKeyKind) => !(dialect === 'sqlite' && primaryKey === 'increment')

/** newGeneratedColumn builds a generated column computed from one of `columns` (picked by `pick`), if one may be its source. */
export function newGeneratedColumn(dialect: FuzzDialect, ids: Ids, columns: readonly ColumnSpec[], pick: number, taken: ReadonlySet<string>): ColumnSpec | undefined {
  const sources = columns.filter((c) => generatedSourceKinds.includes(c.kind))
  if (sources.length === 0) return undefined
  return {
    id: ids.take(), name: freshName(namesFor('column', dialect), pick + 3, taken), kind: 'generated', nullable: true,
    source: sources[pick % sources.length].id, stored: dialect === 'postgres' || pick % 2 === 0,
  }
}

/** newColumn builds a column from its seed, with a name not in `taken`. */
export function newColumn(dialect: FuzzDialect, ids: Ids, seed: ColumnSeed, taken: ReadonlySet<string>): ColumnSpec {
  const kinds = kindsOf(dialect)
  const kind = kinds[seed.kind % kinds.length]
  const defaultVariant = defaultVariants(kind) > 0 && seed.defaultVariant !== undefined ? seed.defaultVariant % defaultVariants(kind) : undefined
  return {
    id: ids.take(),
    name: freshName(namesFor('column', dialect), seed.name, taken),
    kind,
    ...((kind === 'varchar' || kind === 'char') && { length: seed.length }),
    ...(kind === 'numeric' && { precision: seed.precision }),
    ...(kind === 'timestamp' && dialect === 'postgres' && seed.length !== 20 && { timePrecision: seed.length === 10 ? 0 : 3 }),
    nullable: seed.nullable && !alwaysFilled.includes(kind),
    ...(defaultVariant !== undefined && { defaultVariant }),
    ...(kind === 'enum' && { labels: ['a', 'b', 'c'] }),
    ...((kind === 'set' || kind === 'enumArray') && { labels: ['a', 'b', 'c'] }),
    ...(kind === 'numeric' && seed.precision === 6 && { scale: 3 }),
    ...(kind === 'tinyint' && { unsigned: seed.nullable }),
    ...(kind === 'collated' && { collation: (seed.name + seed.length) % (dialect === 'mariadb' ? 5 : 2) }),
    ...((seed.name + seed.kind) % 3 === 0 && { comment: comments[(seed.name + seed.length) % comments.length] }),
  }
}

/**
 * namedApart says whether `index` gets a name of its own: TypeORM derives an unnamed index's name from its
 * table, sorted columns and predicate only, so two such indexes (one unique, one not, or one FULLTEXT) would share it.
 */
export function namedApart(index: IndexSpec, others: readonly IndexSpec[]): boolean {
  const key = (i: IndexSpec) => JSON.stringify([[...i.columns].sort(), i.partial])
  return index.name !== undefined || !others.some((o) => o.name === undefined && key(o) === key(index))
}
