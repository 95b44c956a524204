/**
 * A random schema as plain data: tables, columns and constraints carry ids that stay the same from schema A
 * to schema B, so that a rename is the same id under another name and a dropped object is a missing id.
 */

/** FuzzDialect is the database a case runs on. */
export type FuzzDialect = 'sqlite' | 'postgres' | 'mariadb'

/** ColumnKind is a column type the generator uses; `uuid` exists on PostgreSQL and MariaDB, `intArray` on PostgreSQL only. */
export type ColumnKind = 'int' | 'bigint' | 'varchar' | 'text' | 'boolean' | 'numeric' | 'double' | 'timestamp' | 'uuid' | 'json' | 'enum' | 'intArray'
  | 'timestamptz' | 'sharedEnum' | 'sharedEnumArray' | 'textArray' | 'createDate' | 'updateDate' | 'deleteDate' | 'version' | 'set' | 'tinyint' | 'collated' | 'uuidDefault' | 'enumArray'
  | 'generated' | 'date' | 'time' | 'char' | 'blob' | 'simpleArray' | 'simpleJson' | 'decimal' | 'inet' | 'cidr' | 'serial' | 'identity'

export interface ColumnSpec {
  readonly id: number
  readonly name: string
  readonly kind: ColumnKind
  /** varchar length. */
  readonly length?: number
  /** numeric precision (the scale is always 2). */
  readonly precision?: number
  /** timestamp on PostgreSQL: fractional digits kept (rows hold whole seconds). */
  readonly timePrecision?: number
  /** numeric scale (2 when absent). */
  readonly scale?: number
  /** tinyint: unsigned (MariaDB). */
  readonly unsigned?: boolean
  /** collated: which of the dialect's collations (on MariaDB, 3 and 4 are a charset without a collation). */
  readonly collation?: number
  readonly nullable: boolean
  /** Which of the kind's defaults the column has (see defaultOf), if any. */
  readonly defaultVariant?: number
  /** enum labels; `a` and `b` are always among them (rows use them). */
  readonly labels?: readonly string[]
  /** B only: labels of A's column renamed, stated as `--rename table.column:old=new` (old -> new, none of them `a` or `b`). */
  readonly renamedLabels?: readonly (readonly [string, string])[]
  /** generated: the int or bigint column it is computed from (`<source> + 1`), and whether it is STORED (PostgreSQL: always). */
  readonly source?: number
  readonly stored?: boolean
  /** The column's comment (SQLite keeps none: TypeORM leaves it out there). */
  readonly comment?: string
  /** B makes the column NOT NULL while A's rows hold NULLs in it: the migration must fail, changing nothing. */
  readonly heldNulls?: true
}

export interface IndexSpec {
  readonly id: number
  readonly columns: readonly number[]
  readonly unique: boolean
  /** `WHERE <first column> IS NOT NULL`. */
  readonly partial: boolean
  /** An explicit name; otherwise TypeORM derives it. */
  readonly name?: string
  /** MariaDB: a FULLTEXT index (`@Index({ fulltext: true })`) over `fulltextKinds` columns, never unique or partial. */
  readonly fulltext?: boolean
}

export interface UniqueSpec { readonly id: number; readonly columns: readonly number[] }
/** CheckSpec is `<column> >= 0` on a numeric column (`IN ('a', 'b')` on an enum), or that `OR` the same of column `other`. */
export interface CheckSpec { readonly id: number; readonly column: number; readonly other?: number }

/**
 * ExclusionSpec is an exclusion constraint over the table's key (`USING btree (id WITH =)`, which its rows never
 * break) for the rows where `column` is not NULL; TypeORM makes it on PostgreSQL alone.
 */
export interface ExclusionSpec { readonly id: number; readonly column: number }

/** checkColumns are the columns a check reads. */
export const checkColumns = (check: CheckSpec): readonly number[] => (check.other === undefined ? [check.column] : [check.column, check.other])

export type OnDelete = 'CASCADE' | 'SET NULL' | 'NO ACTION' | 'RESTRICT'

/** Deferrable is a PostgreSQL foreign key's deferral. */
export type Deferrable = 'INITIALLY DEFERRED' | 'INITIALLY IMMEDIATE'

/**
 * RelationSpec is a nullable many-to-one (or one-to-one: a unique foreign key) to table `target`'s key, through
 * column `columnName`, and column `k2 r<id>` (see keyPartColumn) where the target's key is composite. The target
 * may be the table itself or a later one (a cycle): rows then get their values after every table is filled.
 */
export interface RelationSpec {
  readonly id: number; readonly target: number; readonly columnName: string; readonly onDelete: OnDelete; readonly oneToOne?: boolean
  readonly onUpdate?: OnDelete
  /** The column of the target it references instead of its key (`referencedColumnName`): one a unique covers alone. */
  readonly toColumn?: number
  /** PostgreSQL only. */
  readonly deferrable?: Deferrable
}

/** ManyToManySpec is a ManyToMany owned by its table, with the junction table TypeORM derives. */
export interface ManyToManySpec { readonly id: number; readonly target: number; readonly joinName?: string }

/** PrimaryKeyKind: `identity` (`@PrimaryGeneratedColumn('identity')`) on PostgreSQL only. */
export type PrimaryKeyKind = 'increment' | 'int' | 'uuid' | 'identity'

export interface TableSpec {
  readonly id: number
  readonly name: string
  readonly primaryKey: PrimaryKeyKind
  /** The key is (`id`, `k2`), `k2` an int defaulting to 1 (every row holds 1). No ManyToMany owns or targets such a table. */
  readonly compositeKey?: boolean
  /** The key is a `bigint` (`@PrimaryGeneratedColumn({ type: 'bigint' })`), and so are the columns that reference it; never a uuid key. */
  readonly bigKey?: boolean
  /** PostgreSQL: the table is in schema `otherSchema` (`@Entity({ schema })`), not the default one. */
  readonly schema?: string
  readonly columns: readonly ColumnSpec[]
  readonly indexes: readonly IndexSpec[]
  readonly uniques: readonly UniqueSpec[]
  readonly checks: readonly CheckSpec[]
  readonly exclusions?: readonly ExclusionSpec[]
  readonly relations: readonly RelationSpec[]
  readonly manyToMany: readonly ManyToManySpec[]
  /**
   * Single-table inheritance: the table's entity has a child entity that declares these of its columns (TypeORM
   * makes them nullable), and a discriminator column `kind` (varchar(20), rows hold `T<id>` or `child`).
   */
  readonly childColumns?: readonly number[]
  /**
   * Columns the entity declares in an embedded class (`embeddeds`) with `prefix`: TypeORM names each
   * `<prefix><Title>`, so their names are made so (see embeddedName), and a new prefix renames them all.
   */
  readonly embedded?: Embedded
  /** Rows inserted into the table in schema A. */
  readonly rows: number
}

export interface Embedded { readonly prefix: string; readonly columns: readonly number[] }

/** embeddedPrefixes and embeddedTitles make the names of embedded columns: each title reads the same title-cased, as TypeORM writes it. */
export const embeddedPrefixes = ['addr', 'home', 'billing'] as const
export const embeddedTitles = ['Order', 'Größe', 'Street Name', 'Say "Hi"', 'Zip'] as const

/** embeddedName is the name TypeORM gives the column of an embedded with `prefix` whose own name is `title`. */
export const embeddedName = (prefix: string, title: string) => `${prefix}${title}`

/** isEmbedded says whether an entity declares a column of a table in its embedded class. */
export const isEmbedded = (table: TableSpec, column: number) => table.embedded?.columns.includes(column) === true

/**
 * ViewSpec is a view selecting `id` and `columns` of table `table`, by their names; materialized on PostgreSQL when
 * said. With `over`, it selects them from that view instead (one of its columns, itself over `table`), and names it
 * in `dependsOn`.
 */
export interface ViewSpec {
  readonly id: number; readonly name: string; readonly table: number; readonly columns: readonly number[]; readonly materialized?: boolean
  readonly over?: number
}

export interface SchemaSpec { readonly tables: readonly TableSpec[]; readonly sharedLabels?: readonly string[]; readonly views?: readonly ViewSpec[] }

/** FuzzCase is one pair: schema A, schema B derived from it by `edits`, both on `dialect`. */
export interface FuzzCase {
  readonly dialect: FuzzDialect
  readonly a: SchemaSpec
  readonly b: SchemaSpec
  /** What the edits were, for reading a failure. */
  readonly edits: readonly string[]
}

/** breaksRows says whether B makes a column NOT NULL that A's rows hold NULLs in (see ColumnSpec.heldNulls). */
export const breaksRows = (b: SchemaSpec) => b.tables.some((t) => t.columns.some((c) => c.heldNulls === true))

/** distinctKindsOf lists the kinds a column of a unique or unique index may have: values differ per row. */
export function distinctKindsOf(dialect: FuzzDialect): readonly ColumnKind[] {
  return withoutUnindexable(dialect, ['int', 'bigint', 'varchar', 'text', 'numeric', 'timestamp', 'uuid', 'timestamptz', 'collated', 'tinyint', 'createDate', 'version', 'date', 'time', 'char', 'decimal', 'inet', 'serial', 'identity'])
}

/** indexableKindsOf lists the kinds a plain index may cover. */
export function indexableKindsOf(dialect: FuzzDialect): readonly ColumnKind[] {
  return withoutUnindexable(dialect, ['int', 'bigint', 'varchar', 'text', 'boolean', 'numeric', 'timestamp', 'uuid', 'enum', 'timestamptz', 'sharedEnum', 'collated', 'tinyint', 'set', 'createDate', 'updateDate', 'deleteDate', 'version', 'uuidDefault', 'generated', 'date', 'time', 'char', 'decimal', 'inet', 'cidr', 'serial', 'identity'])
}

// MariaDB indexes a text column by a prefix length only, which the cases do not state.
const withoutUnindexable = (dialect: FuzzDialect, kinds: readonly ColumnKind[]) => (dialect === 'mariadb' ? kinds.filter((k) => k !== 'text') : kinds)

/** hasFulltextIndexes says whether the cases make FULLTEXT indexes on a dialect (MariaDB's InnoDB). */
export const hasFulltextIndexes = (dialect: FuzzDialect) => dialect === 'mariadb'

/** fulltextKinds are the kinds a FULLTEXT index may cover. */
export const fulltextKinds: readonly ColumnKind[] = ['varchar', 'text']

/** hasPartialIndexes says whether a dialect has `WHERE` on an index (MariaDB has none). */
export const hasPartialIndexes = (dialect: FuzzDialect) => dialect !== 'mariadb'

/** Kinds a column of a check may have: numbers (a range) and enums (a list of labels). */
export const checkableKinds: readonly ColumnKind[] = ['int', 'bigint', 'numeric', 'double', 'tinyint', 'version', 'enum', 'sharedEnum', 'decimal']

/** kindsOf lists the column kinds of a dialect. */
export function kindsOf(dialect: FuzzDialect): readonly ColumnKind[] {
  const both: ColumnKind[] = ['int', 'bigint', 'varchar', 'text', 'boolean', 'numeric', 'double', 'timestamp', 'json', 'enum']
  const extra: ColumnKind[] = ['createDate', 'updateDate', 'deleteDate', 'version', 'tinyint', 'collated', 'date', 'time', 'char', 'blob', 'simpleArray', 'simpleJson', 'decimal']
  if (dialect === 'postgres') return [...both, ...extra, 'uuid', 'intArray', 'timestamptz', 'sharedEnum', 'sharedEnumArray', 'textArray', 'uuidDefault', 'enumArray', 'inet', 'cidr', 'serial', 'identity']
  return dialect === 'mariadb' ? [...both, ...extra, 'uuid', 'timestamptz', 'sharedEnum', 'set'] : [...both, ...extra]
}

/** defaultVariants is how many defaults a kind offers (0: none). */
export function defaultVariants(kind: ColumnKind): number {
  if (['uuid', 'createDate', 'updateDate', 'deleteDate', 'version', 'uuidDefault', 'generated', 'blob', 'simpleArray', 'simpleJson', 'cidr', 'serial', 'identity'].includes(kind)) return 0
  return 2
}

/** alwaysFilled are the kinds whose column is NOT NULL with a value of its own (a sequence): never nullable. */
export const alwaysFilled: readonly ColumnKind[] = ['serial', 'identity']

/** referencesKeyPart says whether a relation references a composite key, and so its `k2` too. */
export const referencesKeyPart = (schema: SchemaSpec, relation: RelationSpec) => relation.toColumn === undefined && tableById(schema, relation.target)?.compositeKey === true

/** referenceableKinds are the kinds of a unique column a relation may reference. */
export const referenceableKinds: readonly ColumnKind[] = ['int', 'bigint', 'varchar']

/** referenceableColumns are the columns of a table a relation may reference: NOT NULL, a unique of their own. */
export function referenceableColumns(table: TableSpec): ColumnSpec[] {
  return table.columns.filter((c) => referenceableKinds.includes(c.kind) && !c.nullable && !isEmbedded(table, c.id) && table.uniques.some((u) => u.columns.length === 1 && u.columns[0] === c.id))
}

/** otherSchema is the second PostgreSQL schema tables may be in (and be moved to and from). */
export const otherSchema = 'sales Dept'

/** keyPartColumn is the column of a relation to a table with a composite key that references its `k2`. */
export const keyPartColumn = (relationId: number) => `k2 r${relationId}`

/** comments are the column comments cases use: quotes, unicode and a backslash. */
export const comments = ['a note', "it's", 'naïve "q"', 'back\\slash'] as const

/** generatedSourceKinds are the kinds a generated column is computed from. */
export const generatedSourceKinds: readonly ColumnKind[] = ['int', 'bigint']

/** columnById finds a column of a table. */
export function columnById(table: TableSpec, id: number): ColumnSpec | undefined {
  return table.columns.find((c) => c.id === id)
}

/** tableById finds a table of a schema. */
export function tableById(schema: SchemaSpec, id: number): TableSpec | undefined {
  return schema.tables.find((t) => t.id === id)
}
