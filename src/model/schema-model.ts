/**
 * SchemaModel is the dialect-neutral picture of a database schema that both sides of a diff are brought
 * to: the entities (through `source/entity-metadata`) and the live database (through a dialect's
 * introspector). Everything here is plain readonly data with no SQL in it; a dialect's `normalize`
 * puts both sides into one canonical spelling so that the diff compares values only. Canonical forms are
 * for comparing, never for writing: each expression also keeps the text to write (`defaultSql`,
 * `expressionSql`, `whereSql`), which `written-sql` reads.
 */
export interface SchemaModel {
  /** Tables, sorted by schema then name. */
  readonly tables: readonly TableModel[]
  /** Named enum types (PostgreSQL); empty where the dialect has none. Sorted by schema then name. */
  readonly enums: readonly EnumTypeModel[]
  /** Namespaces the model needs or the database has (PostgreSQL schemas); empty where there are none. */
  readonly schemas: readonly string[]
  /** Database extensions the model needs or the database has installed (PostgreSQL); else empty. */
  readonly extensions: readonly string[]
  /** Views (and PostgreSQL materialized views), sorted by schema then name. */
  readonly views: readonly ViewModel[]
}

/** QualifiedName names a table or type; `schema` is undefined where the dialect has no namespaces. */
export interface QualifiedName {
  readonly schema?: string
  readonly name: string
}

/** TableModel is one table with everything declared on it. Lists are sorted by name, columns by position. */
export interface TableModel extends QualifiedName {
  readonly columns: readonly ColumnModel[]
  readonly primaryKey?: PrimaryKeyModel
  readonly indexes: readonly IndexModel[]
  readonly uniques: readonly UniqueModel[]
  readonly foreignKeys: readonly ForeignKeyModel[]
  readonly checks: readonly CheckModel[]
  /** Exclusion constraints (PostgreSQL), sorted by name; absent where there are none. */
  readonly exclusions?: readonly ExclusionModel[]
  readonly comment?: string
  /**
   * The project's TypeORM has no table comments (its 0.3 releases before @Entity's `comment` option): no entity
   * can declare one, so the database's is left as it is, never compared.
   */
  readonly commentUndeclarable?: true
  /** SQLite `WITHOUT ROWID` tables. */
  readonly withoutRowid?: boolean
  /** The storage engine, where the entity names one (MySQL `ENGINE=InnoDB`). */
  readonly engine?: string
  /**
   * The old row values the database logs for replication, where the table's are not its primary key's:
   * `full` (every column), `nothing`, or those of one unique `index` (PostgreSQL's REPLICA IDENTITY). No entity
   * declares it and the diff never compares it; the `down` that creates again a table `up` drops sets it again.
   */
  readonly replicaIdentity?: ReplicaIdentity
  /**
   * PostgreSQL's UNLOGGED table (not written to the WAL, emptied after a crash: caches, sessions). No entity
   * declares it and the diff never compares it; the `down` that creates again a table `up` drops makes it so again.
   */
  readonly unlogged?: true
  /**
   * PostgreSQL's declarative partitioning of the table (`PARTITION BY RANGE (paid_at)`) and its partitions, which
   * no entity declares: the entity maps the partitioned table. Never compared; PostgreSQL builds no index or
   * foreign key of such a table online, so `--online` leaves them in the transaction, and the `down` that creates
   * again a table `up` drops makes it partitioned again, with its partitions.
   */
  readonly partitioning?: Partitioning
  /**
   * The tables this one INHERITS (PostgreSQL's table inheritance, which no entity declares), in their order. Never
   * compared; a table is dropped before those it inherits, and the `down` that creates it again makes it INHERIT
   * them again, with only its own columns and checks (see `inherited`).
   */
  readonly inherits?: readonly QualifiedName[]
  /**
   * The table's default character set and collation (MySQL), which its columns without their own take. No
   * entity declares them and the diff never compares them; the `down` that creates again a table `up` drops
   * sets them again, so that its columns hold the characters they held, and its keys fit as they did.
   */
  readonly charset?: string
  readonly collation?: string
  /**
   * The database's triggers on the table, as written, in the order to create them (by name where the order
   * does not matter). No entity declares them and the diff never compares them; a SQLite rebuild, whose DROP
   * TABLE takes them along, creates them again, so does a PostgreSQL change of type of a column they read,
   * which PostgreSQL refuses while they exist, and so does the `down` that creates again a table `up` drops.
   */
  readonly triggers?: readonly TriggerModel[]
  /**
   * The database's row-level security policies on the table that read some of its columns (PostgreSQL, which
   * tracks those columns and refuses to drop one or change its type while a policy reads it). No entity declares
   * them and the diff never compares them; they are read so that a migration the database would refuse says so.
   */
  readonly policies?: readonly PolicyModel[]
}

/** PolicyModel is a row-level security policy, by its name and the columns of its table it reads (USING, WITH CHECK). */
export interface PolicyModel {
  readonly name: string
  readonly reads: readonly string[]
}

/**
 * Partitioning is how a table is partitioned: its partition key as the database prints it (`RANGE (paid_at)`),
 * and every partition below it, each after the one it belongs to (partitions of partitions included).
 */
export interface Partitioning {
  readonly key: string
  readonly partitions: readonly Partition[]
}

/**
 * Partition is one partition of a partitioned table: its name, the table it is a partition of, its bound as
 * the database prints it (`FOR VALUES FROM (...) TO (...)`, `DEFAULT`), and its own partition key where it is
 * partitioned again.
 */
export interface Partition extends QualifiedName {
  readonly of: QualifiedName
  readonly bound: string
  readonly key?: string
}

/** ReplicaIdentity is a table's replication identity other than its primary key. */
export type ReplicaIdentity = 'full' | 'nothing' | { readonly index: string }

/** TriggerModel is a trigger as the database keeps its text. */
export interface TriggerModel {
  readonly name: string
  readonly sql: string
  /**
   * The columns of its table it reads: in `UPDATE OF` or WHEN (PostgreSQL, which tracks them), as `NEW.column`
   * or `OLD.column` in its body (MySQL, which keeps only the text; SQLite, whose DROP COLUMN refuses them). A
   * rename in the migration renames them here (`sql` stays as it was read).
   */
  readonly reads?: readonly string[]
  /**
   * The columns of its table its function names as `NEW.column` or `OLD.column` (PostgreSQL, which does not
   * track them): a rename or drop of one makes the trigger fail when it next fires. Renamed as `reads` are.
   */
  readonly functionReads?: readonly string[]
  /**
   * The columns of its table it passes its function by name as arguments (PostgreSQL's
   * `tsvector_update_trigger('fulltext', 'pg_catalog.english', 'title')`, which it does not track). Renamed as
   * `reads` are.
   */
  readonly argumentReads?: readonly string[]
  /**
   * The other tables its PL/pgSQL function names (Omnivore's `INSERT INTO omnivore.discover_feed_subscription` in a
   * trigger on "user"), which PostgreSQL does not track: a drop or rename of one makes the trigger fail when it
   * next fires. Read by the words of the body, as the tables the database has when read.
   */
  readonly functionTables?: readonly QualifiedName[]
  /**
   * The columns, of its own table or others, its body writes by name (`INSERT INTO t (a)`, `UPDATE t SET a`),
   * as the database held them when read (SQLite, which drops such a column without a word).
   */
  readonly writes?: readonly TriggerWrite[]
  /** The sql_mode it was made under (MySQL), which parses its body and runs it: it is created again under it. */
  readonly sqlMode?: string
}

/** TriggerWrite is a table a trigger writes, and the columns of it the trigger names. */
export interface TriggerWrite {
  readonly table: QualifiedName
  readonly columns: readonly string[]
}

/**
 * ColumnModel is one column in canonical form. `type` is the dialect's canonical base type name in lower
 * case without parameters (`varchar`, `integer`, `timestamptz`); parameters live in their own fields.
 */
export interface ColumnModel {
  readonly name: string
  readonly type: string
  /** Entity side only, before `normalize`: what the entity declares that the driver's fields leave out. */
  readonly declared?: DeclaredColumn
  readonly length?: number
  readonly precision?: number
  readonly scale?: number
  readonly isArray?: boolean
  readonly nullable: boolean
  /** The default as a canonical SQL expression (`'abc'`, `0`, `CURRENT_TIMESTAMP`), undefined when none. */
  readonly default?: string
  /**
   * The default as it is written into SQL: the entity's own text (what TypeORM itself writes), or the
   * database's where the column comes from it. Compared never; absent where `default` is, or is to be, written.
   */
  readonly defaultSql?: string
  /**
   * Entity side only: `default` is the uuid generator TypeORM writes for a uuid column it generates where the
   * entity names none, which any generator TypeORM reads as its own (the database's) may stand for.
   */
  readonly defaultChosenByTypeorm?: true
  readonly generated?: ColumnGeneration
  /** Computed column (`GENERATED ALWAYS AS (expr)`). */
  readonly computed?: ComputedColumn
  /** Enum values; on PostgreSQL `enumName` names the type in `SchemaModel.enums` holding them. */
  readonly enumValues?: readonly string[]
  readonly enumName?: string
  /**
   * The schema of that type where it is not the table's (PostgreSQL: a type made by hand in another schema;
   * TypeORM makes an entity's in its table's). Such a type is outside the comparison: neither made nor dropped.
   */
  readonly enumSchema?: string
  readonly comment?: string
  /**
   * Database side, PostgreSQL: where `type` names a domain (a column `release_year year`), the type it stores
   * (`integer`; of each element where `isArray`), which an entity, naming no domain, declares for the column.
   */
  readonly domainBaseType?: string
  /** Database side, PostgreSQL: the column comes from the tables its table inherits alone, not from its own definition. */
  readonly inherited?: true
  /**
   * Database side, PostgreSQL: an identity column's sequence options other than the defaults (`START WITH 100
   * INCREMENT BY 5`), which no entity declares; never compared, written again where the database's column is made again.
   */
  readonly identityOptions?: string
  /**
   * Database side, PostgreSQL: the sequence a serial column reads, where it is not the name SERIAL gives it
   * (`<table>_<column>_seq`): the table or column renamed since (`organizations_id_seq` of a table now `spaces`).
   * Never compared; what changes the sequence (its type) names it.
   */
  readonly sequenceName?: string
  /** The character set, where it is not the table's (MySQL); undefined elsewhere. */
  readonly charset?: string
  readonly collation?: string
  /** The canonical expression the database writes into the column on every update of its row (MySQL `ON UPDATE CURRENT_TIMESTAMP`). */
  readonly onUpdate?: string
}

/**
 * DeclaredColumn is what an entity declares of a column beyond the driver's fields, for the dialect's
 * `normalize` (which drops it): the entity's own type where the driver wrote another for it (`uuid` written
 * `varchar`: drivers that map a type by the server's version decide before knowing it), `unsigned`, `zerofill`,
 * a display width, and whether the length is the driver's rather than the entity's.
 */
export interface DeclaredColumn {
  readonly type?: string
  readonly unsigned?: boolean
  /** MySQL's `ZEROFILL`, which TypeORM writes in place of `UNSIGNED` (the server makes such a column unsigned too). */
  readonly zerofill?: boolean
  /** MySQL's display width of an integer type (TypeORM 0.3's `width`), where the column has no length. */
  readonly width?: number
  /** The column's length is the driver's own (36 for a uuid key and the foreign keys to it): the entity wrote none. */
  readonly impliedLength?: true
  /**
   * The default the entity declares as a string value, which TypeORM writes between quotes as it is: right in
   * standard SQL, not where a backslash escapes (MySQL writes `'C:\temp'` for `C:\temp`).
   */
  readonly stringDefault?: string
  /** The spatial feature type (`Point`) and SRID the entity declares, which TypeORM writes into PostgreSQL's geometry and geography types only. */
  readonly spatial?: { readonly featureType?: string; readonly srid?: number }
}

/** ColumnGeneration says how the database fills a key column. */
export type ColumnGeneration =
  | { readonly kind: 'increment' }
  | { readonly kind: 'identity'; readonly always: boolean }
  | { readonly kind: 'uuid' }
  | { readonly kind: 'rowid' }

export interface ComputedColumn {
  /** The expression in canonical form, for comparing. */
  readonly expression: string
  readonly stored: boolean
  /** The expression as it is written into SQL (the entity's or the database's text); absent: `expression`. */
  readonly expressionSql?: string
}

export interface PrimaryKeyModel {
  readonly name?: string
  readonly columns: readonly string[]
}

/**
 * IndexModel is an index that backs no constraint. A key in `columns` is a column name, or an expression
 * when it holds a parenthesis (`lower(email)`).
 */
export interface IndexModel {
  readonly name: string
  readonly columns: readonly string[]
  readonly unique: boolean
  /** Partial index predicate, canonical SQL. */
  readonly where?: string
  /** The predicate as it is written into SQL (the entity's or the database's text); absent: `where`. */
  readonly whereSql?: string
  /** Access method where one is declared (`btree` is the canonical default and is left undefined). */
  readonly method?: string
  /** What each key of `columns` has beyond the defaults, in the same order; absent when no key has anything. */
  readonly keyOptions?: readonly IndexKeyOptions[]
  /** Columns stored in the index without being keys (PostgreSQL `INCLUDE`); absent when none. */
  readonly include?: readonly string[]
  /**
   * The comment the database holds on the index, which no entity declares: never compared, only carried so
   * that an index dropped and made again (a down) gets it back. Absent when none.
   */
  readonly comment?: string
}

/**
 * IndexKeyOptions is what one index key declares beyond the defaults; every field is absent where the
 * key keeps the default (the type's default operator class, the column's collation, ascending, NULLS LAST
 * ascending and NULLS FIRST descending).
 */
export interface IndexKeyOptions {
  readonly opclass?: string
  readonly collation?: string
  readonly descending?: boolean
  /** Where NULLs sort, only when it is not the default for the direction. */
  readonly nulls?: 'first' | 'last'
  /** The key indexes only the first `length` characters (bytes for binary types) of its column (MySQL prefix index). */
  readonly length?: number
}

export interface UniqueModel {
  readonly name: string
  readonly columns: readonly string[]
  readonly deferrable?: Deferrable
  /**
   * Entity side only, until read-project settles it (see duplicate-unique-names): the names of uniques the entity
   * declares on the same columns too, left out. The database may hold the unique under any of them.
   */
  readonly alsoNamed?: readonly string[]
  /** The comment the database holds on it (see IndexModel's): never compared, only carried. Absent when none. */
  readonly comment?: string
}

export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT'
export type Deferrable = 'INITIALLY IMMEDIATE' | 'INITIALLY DEFERRED'

export interface ForeignKeyModel {
  readonly name: string
  readonly columns: readonly string[]
  readonly referencedSchema?: string
  readonly referencedTable: string
  readonly referencedColumns: readonly string[]
  readonly onDelete: ReferentialAction
  readonly onUpdate: ReferentialAction
  readonly deferrable?: Deferrable
  /**
   * Database side, PostgreSQL: the key is `MATCH FULL` (a row with some of its columns NULL must have them all
   * NULL), which no entity declares; never compared, and written again where the database's key is made again.
   */
  readonly matchFull?: true
}

/** CheckModel is a CHECK constraint; diffs compare `expression` (canonical SQL), never the name. */
export interface CheckModel {
  readonly name: string
  readonly expression: string
  /** The expression as it is written into SQL (the entity's or the database's text); absent: `expression`. */
  readonly expressionSql?: string
  /** Database side, PostgreSQL: the check comes from the tables its table inherits alone. */
  readonly inherited?: true
  /**
   * The columns, of any table, that the functions the expression calls name in their bodies (PostgreSQL, which
   * does not track them): a rename or drop of one makes the check fail. Read from the database only, never compared.
   */
  readonly functionReads?: readonly { readonly table: QualifiedName; readonly column: string }[]
}

/**
 * ExclusionModel is an exclusion constraint (PostgreSQL's `EXCLUDE`): no two rows may match on every element
 * by its operator. `definition` is what follows `EXCLUDE` (`USING gist (room WITH =, during WITH &&)`), in
 * canonical form for comparing; diffs compare it, never the name.
 */
export interface ExclusionModel {
  readonly name: string
  readonly definition: string
  /** The definition as it is written into SQL (the entity's or the database's text); absent: `definition`. */
  readonly definitionSql?: string
}

export interface EnumTypeModel extends QualifiedName {
  readonly values: readonly string[]
  /**
   * The columns of tables outside the diff (left alone: an entity declared `synchronize: false`, `ignoreTables`)
   * that use the type, where its labels change: a dialect that makes the type again moves them over too.
   */
  readonly usersOutside?: readonly EnumUser[]
}

/** EnumUser is a column of an enum type, in its table. */
export interface EnumUser { readonly table: QualifiedName; readonly column: ColumnModel }

/**
 * ViewModel is a view: the SELECT it stores (`definition`, canonical, for comparing; `definitionSql`, the
 * text to write), and what it reads, so that a change to those can drop and re-create it.
 */
export interface ViewModel extends QualifiedName {
  /** The SELECT in canonical form, for comparing. */
  readonly definition: string
  /** The SELECT as it is written into CREATE VIEW (the entity's or the database's text); absent: `definition`. */
  readonly definitionSql?: string
  /** A PostgreSQL materialized view: its rows are stored, and REFRESH re-computes them. */
  readonly materialized?: boolean
  /** The view's output columns with their types, where the dialect reports them (compared never). */
  readonly columns?: readonly ViewColumn[]
  /**
   * The output columns its entity declares (`@ViewColumn`), for an entity's view: which a view of the database
   * reading it can still find where `columns` is not known (compared never).
   */
  readonly declaredColumns?: readonly string[]
  /** The tables and views it reads, sorted; for entities those of `@ViewEntity({ dependsOn })`. */
  readonly reads: readonly ViewSource[]
  /** Indexes of a materialized view, sorted by name. */
  readonly indexes?: readonly IndexModel[]
  /**
   * The comment the database holds on it, which no entity declares: never compared, only carried so that a view
   * dropped and created again around a change of what it reads keeps it. Absent when none.
   */
  readonly comment?: string
}

/** ViewColumn is one output column of a view. */
export interface ViewColumn {
  readonly name: string
  readonly type: string
}

/** ViewSource is a table or view a view reads, and which of its columns where known (absent: unknown, maybe all). */
export interface ViewSource extends QualifiedName {
  readonly columns?: readonly string[]
}

/** emptySchema is a model with nothing in it. */
export const emptySchema: SchemaModel = { tables: [], enums: [], schemas: [], extensions: [], views: [] }
