/**
 * A random schema as plain data: tables, columns and constraints carry ids that stay the same from schema A
 * to schema B, so that a rename is the same id under another name and a dropped object is a missing id.
 */

/** FuzzDialect is the database a case runs on. */
export type FuzzDialect = 'sqlite' | 'postgres' | 'mariadb'

/** ColumnKind is a column type the generator uses; `uuid` exists on PostgreSQL and MariaDB, `intArray` on PostgreSQL only. */
export type ColumnKind = 'int' | 'bigint' | 'varchar' | 'text' | 'boolean' | 'numeric' | 'double' | 'timestamp' | 'uuid' | 'json' | 'enum' | 'intArray'
  | 'timestamptz' | 'sharedEnum' | 'sharedEnumArray' | 'textArray' | 'createDate' | 'updateDate' | 'deleteDate' | 'version' | 'set' | 'tinyint' | 'collated' | 'uuidDefault' | 'enumArray'

export interface ColumnSpec {
  readonly id: number
  readonly name: string
  readonly kind: ColumnKind
  /** varchar length. */
  readonly length?: number
  /** numeric precision (the scale is always 2). */
  readonly precision?: number
  /** numeric scale (2 when absent). */
  readonly scale?: number
  /** tinyint: unsigned (MariaDB). */
  readonly unsigned?: boolean
  /** collated: which of two collations. */
  readonly collation?: number
  readonly nullable: boolean
  /** Which of the kind's defaults the column has (see defaultOf), if any. */
  readonly defaultVariant?: number
  /** enum labels; `a` and `b` are always among them (rows use them). */
  readonly labels?: readonly string[]
}

export interface IndexSpec {
  readonly id: number
  readonly columns: readonly number[]
  readonly unique: boolean
  /** `WHERE <first column> IS NOT NULL`. */
  readonly partial: boolean
  /** An explicit name; otherwise TypeORM derives it. */
  readonly name?: string
}

export interface UniqueSpec { readonly id: number; readonly columns: readonly number[] }
/** CheckSpec is `<column> >= 0` on a numeric column. */
export interface CheckSpec { readonly id: number; readonly column: number }

export type OnDelete = 'CASCADE' | 'SET NULL' | 'NO ACTION' | 'RESTRICT'

/** RelationSpec is a nullable many-to-one to table `target`'s key, through column `columnName`. */
export interface RelationSpec { readonly id: number; readonly target: number; readonly columnName: string; readonly onDelete: OnDelete }

/** ManyToManySpec is a ManyToMany owned by its table, with the junction table TypeORM derives. */
export interface ManyToManySpec { readonly id: number; readonly target: number; readonly joinName?: string }

export type PrimaryKeyKind = 'increment' | 'int' | 'uuid'

export interface TableSpec {
  readonly id: number
  readonly name: string
  readonly primaryKey: PrimaryKeyKind
  readonly columns: readonly ColumnSpec[]
  readonly indexes: readonly IndexSpec[]
  readonly uniques: readonly UniqueSpec[]
  readonly checks: readonly CheckSpec[]
  /** Targets have smaller ids than the table: the graph has no cycle, and parents are filled first. */
  readonly relations: readonly RelationSpec[]
  readonly manyToMany: readonly ManyToManySpec[]
  /** Rows inserted into the table in schema A. */
  readonly rows: number
}

export interface SchemaSpec { readonly tables: readonly TableSpec[]; readonly sharedLabels?: readonly string[] }

/** FuzzCase is one pair: schema A, schema B derived from it by `edits`, both on `dialect`. */
export interface FuzzCase {
  readonly dialect: FuzzDialect
  readonly a: SchemaSpec
  readonly b: SchemaSpec
  /** What the edits were, for reading a failure. */
  readonly edits: readonly string[]
}

/** distinctKindsOf lists the kinds a column of a unique or unique index may have: values differ per row. */
export function distinctKindsOf(dialect: FuzzDialect): readonly ColumnKind[] {
  return withoutUnindexable(dialect, ['int', 'bigint', 'varchar', 'text', 'numeric', 'timestamp', 'uuid', 'timestamptz', 'collated', 'tinyint', 'createDate', 'version'])
}

/** indexableKindsOf lists the kinds a plain index may cover. */
export function indexableKindsOf(dialect: FuzzDialect): readonly ColumnKind[] {
  return withoutUnindexable(dialect, ['int', 'bigint', 'varchar', 'text', 'boolean', 'numeric', 'timestamp', 'uuid', 'enum', 'timestamptz', 'sharedEnum', 'collated', 'tinyint', 'set', 'createDate', 'updateDate', 'deleteDate', 'version', 'uuidDefault'])
}

// MariaDB indexes a text column by a prefix length only, which the cases do not state.
const withoutUnindexable = (dialect: FuzzDialect, kinds: readonly ColumnKind[]) => (dialect === 'mariadb' ? kinds.filter((k) => k !== 'text') : kinds)

/** hasPartialIndexes says whether a dialect has `WHERE` on an index (MariaDB has none). */
export const hasPartialIndexes = (dialect: FuzzDialect) => dialect !== 'mariadb'

/** Kinds a column of a check may have: numbers (a range) and enums (a list of labels). */
export const checkableKinds: readonly ColumnKind[] = ['int', 'bigint', 'numeric', 'double', 'tinyint', 'version', 'enum', 'sharedEnum']

/** kindsOf lists the column kinds of a dialect. */
export function kindsOf(dialect: FuzzDialect): readonly ColumnKind[] {
  const both: ColumnKind[] = ['int', 'bigint', 'varchar', 'text', 'boolean', 'numeric', 'double', 'timestamp', 'json', 'enum']
  const extra: ColumnKind[] = ['createDate', 'updateDate', 'deleteDate', 'version', 'tinyint', 'collated']
  if (dialect === 'postgres') return [...both, ...extra, 'uuid', 'intArray', 'timestamptz', 'sharedEnum', 'sharedEnumArray', 'textArray', 'uuidDefault', 'enumArray']
  return dialect === 'mariadb' ? [...both, ...extra, 'uuid', 'timestamptz', 'sharedEnum', 'set'] : [...both, ...extra]
}

/** defaultVariants is how many defaults a kind offers (0: none). */
export function defaultVariants(kind: ColumnKind): number {
  if (['uuid', 'createDate', 'updateDate', 'deleteDate', 'version', 'uuidDefault'].includes(kind)) return 0
  return 2
}

/** columnById finds a column of a table. */
export function columnById(table: TableSpec, id: number): ColumnSpec | undefined {
  return table.columns.find((c) => c.id === id)
}

/** tableById finds a table of a schema. */
export function tableById(schema: SchemaSpec, id: number): TableSpec | undefined {
  return schema.tables.find((t) => t.id === id)
}
