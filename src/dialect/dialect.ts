import type { RecordChanges, TypeormRecord } from '../plan/typeorm-records'
import type { DataSource, DataSourceOptions } from 'typeorm'
import type { ColumnModel, QualifiedName, SchemaModel, TableModel, ViewSource } from '../model/schema-model'
import type { ChangeSet } from '../plan/change-set'
import type { PlaceholderSyntax } from './inline-parameters'
import type { Probe, ProbeOptions, ProbeResult } from './probe'
import type { ConditionProbe } from './probe-query'
import type { Statement } from './statement'

/**
 * DatabaseConnection is the read-only connection an introspector reads through. It is opened by the
 * dialect itself (not through TypeORM), so that reading a schema can never change it.
 */
export interface DatabaseConnection {
  /** query runs one statement with positional parameters and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>
  /** queryCount is the number of statements issued so far (the benchmark reports it). */
  readonly queryCount: number
  close(): Promise<void>
  /**
   * beside opens another connection to the same database, for reads that may run at the same time as this
   * one's; its queries count in this one's queryCount. Only a connection made for reading alone, in no
   * transaction, has it: elsewhere the reads stay on the one connection, which sees what its transaction did.
   */
  beside?(): Promise<DatabaseConnection>
}

/** IntrospectionScope says which part of the database to read. */
export interface IntrospectionScope {
  /** Schemas to read (PostgreSQL); undefined where the dialect has none. */
  readonly schemas?: readonly string[]
  /** Tables never read or diffed: TypeORM's own (`migrations`, `typeorm_metadata`) and the user's `ignoreTables`. */
  readonly ignoreTables: readonly string[]
}

/** SchemaWideName is a kind of table object whose name may have to be unique in its schema (see schemaWideNames). */
export type SchemaWideName = 'index' | 'unique' | 'primary key' | 'foreign key' | 'check' | 'exclusion'

/**
 * DialectCapabilities are the differences between dialects that the core may ask about.
 * The core never asks for a dialect's name.
 */
export interface DialectCapabilities {
  /** Namespaces (PostgreSQL schemas) exist. */
  readonly schemas: boolean
  /** Enum types are named database objects (PostgreSQL), not CHECKs (SQLite). */
  readonly enumTypes: boolean
  /**
   * Changing a column's type makes the database write the checks and partial indexes that read the column again,
   * in its own words with casts from the type before (PostgreSQL: `balance >= 0` made numeric, then bigint again,
   * reads `(balance)::numeric >= (0)::numeric`): such a check or index is dropped before the change and made
   * again after, from the entities' text (going back, the database's). Absent: they stay as they were written.
   */
  readonly retypeRewritesPredicates?: boolean
  /** Extensions exist and defaults may need them. */
  readonly extensions: boolean
  /** Column names are compared ignoring case (`magnetURI` is `magnetUri`). Absent: case matters. */
  readonly columnNamesIgnoreCase?: boolean
  /** A column can hold an array of its type (`array: true`). Absent: it holds one value, whatever the option says. */
  readonly columnArrays?: boolean
  /** A column can be an identity (`@PrimaryGeneratedColumn('identity')`). Absent: TypeORM makes it a plain column, that nothing fills. */
  readonly identityColumns?: boolean
  /** An enum column declared `array: true` holds a comma-separated list of its values (SQLite). Absent: with no column arrays, one value. */
  readonly enumArraysAsLists?: boolean
  /** Transactions may contain DDL. */
  readonly transactionalDdl: boolean
  /**
   * A foreign key needs an index led by its columns, and the server refuses to drop the last one it can use:
   * a table's index drops run in the ALTER TABLE that adds its new indexes (MySQL). Absent: no such need.
   */
  readonly foreignKeysNeedIndexes?: boolean
  /**
   * A foreign key may reference columns that lead any index of the referenced table, unique or not, in the
   * index's order (InnoDB; MySQL 8.4 and later refuse it by default). Absent: the referenced columns must be a
   * primary key's, a unique constraint's or a unique index's (not partial), in any order.
   */
  readonly referencesAnyIndex?: boolean
  /**
   * A foreign key may name a table that does not exist: the name is looked up only when a row is written, which
   * then fails (`no such table`), and renaming a table rewrites the keys that name it (SQLite), so a `down` that
   * renames a table aside, makes it again and drops the renamed one leaves the other tables' keys on a table
   * that is gone. Absent: the database refuses such a key.
   */
  readonly foreignKeysMayNameMissingTables?: boolean
  /** `CREATE INDEX CONCURRENTLY` exists (builds an index without blocking writes). Absent: no. */
  readonly concurrentIndexes?: boolean
  /** Foreign keys and checks can be added `NOT VALID` (no scan under lock) and validated later. Absent: no. */
  readonly notValidConstraints?: boolean
  /**
   * The database tracks the columns a trigger reads (TriggerModel.reads): it refuses to drop one, or to change
   * its type (PostgreSQL), and a rename follows into the trigger (SQLite rewrites its text). Absent: the
   * trigger's text alone names them, and one renamed or dropped makes the trigger fail when it next fires (MySQL).
   */
  readonly triggersTrackColumns?: boolean
  /** Types whose values compare ignoring case (PostgreSQL's `citext`), whatever the collation. Absent: none. */
  readonly caseInsensitiveTypes?: readonly string[]
  /** The database stores declared lengths, precisions and scales but does not enforce them. Absent: it enforces them. */
  readonly unenforcedTypeParameters?: boolean
  /**
   * Indexes can cover only the rows a WHERE selects (partial indexes). False: the server has none, and TypeORM
   * creates an index declared with `where` over every row. Absent: they can.
   */
  readonly partialIndexes?: boolean
  /**
   * Values that do not fit a column's type are kept as they are rather than rejected (type affinity):
   * converting a column never fails, it may leave values unconverted. Absent: values are converted or rejected.
   */
  readonly looseTypes?: boolean
  /**
   * How the database matches an index name a hand-written statement gave, for an index the entities declare
   * `synchronize: false`: `folds-unquoted`, an unquoted name is kept in lower case (PostgreSQL keeps
   * `CREATE INDEX idx_originalFileName_trigram` as `idx_originalfilename_trigram`); `ignored`, index names
   * never differ by case alone (MySQL, MariaDB, SQLite). Absent: names match as written.
   */
  readonly indexNameCase?: 'folds-unquoted' | 'ignored'
  /**
   * Indexes, constraints and enum types can be renamed in place (no rebuild), so an object the entities keep
   * under another name is renamed. Absent: such an object keeps the database's name.
   */
  readonly renamesInPlace?: boolean
  /**
   * Index names (unique keys' included) are apart from foreign key and check names: an index may share a
   * foreign key's name, as the one MySQL makes for a foreign key does. Absent: they share one namespace.
   */
  readonly indexNamesApart?: boolean
  /**
   * The names of a table's objects that must be unique in its whole schema, not just in the table: PostgreSQL's
   * indexes, unique keys and primary keys are relations of the schema, SQLite's indexes objects of the
   * database, and InnoDB (MySQL, MariaDB) names foreign keys per database. Absent: none.
   */
  readonly schemaWideNames?: readonly SchemaWideName[]
  /**
   * `CREATE OR REPLACE VIEW` changes a view in place, keeping the views built on it, when its columns stay
   * the same. Absent: a changed view is dropped and created again.
   */
  readonly replacesViews?: boolean
  /**
   * `RENAME COLUMN` follows into the views that read the column (PostgreSQL, SQLite). Absent: a view keeps the old
   * name in its text and fails on every read after (MySQL, MariaDB).
   */
  readonly viewsFollowColumnRenames?: boolean
  /**
   * A NOT NULL column added without a default fills the rows already there with its type's implicit default
   * (0, '', a zero date, the first ENUM label) instead of failing (MySQL, in strict mode too). Absent: adding
   * it fails when the table has rows.
   */
  readonly implicitDefaults?: boolean
  /**
   * Types that have no implicit default to fill such rows with: a NOT NULL column of one added without a default
   * to a table with rows fails, or leaves them holding a value that is none of the type (MySQL's geometry types,
   * given an empty value, on which a SPATIAL index is refused).
   */
  readonly typesWithoutImplicitDefault?: readonly string[]
  /**
   * A column's ENUM stores each value as its label's position in the list: ORDER BY sorts by it, and reordering
   * the labels or inserting one before the end renumbers every stored value (MySQL; a SET stores a bit per label's
   * position alike). Absent: labels are only a set of allowed values.
   */
  readonly enumPositions?: boolean
  /**
   * A changed type truncates or rounds the values that do not fit with a warning only, instead of failing the
   * statement (MySQL outside strict mode). Absent: the statement fails on such a value.
   */
  readonly truncatesOnNarrowing?: boolean
  /**
   * Groups of canonical base types that hold the same kind of value: a column may be renamed from one type of
   * a group to another (`varchar` and `text`). A type in no group is a group of its own.
   */
  readonly typeFamilies: readonly (readonly string[])[]
  /** What the dialect's canonical types let a column hold, for counting the values a narrowing would lose. */
  readonly typeLimits: TypeLimits
}

/**
 * TypeLimits are the bounds of a dialect's canonical types: those bounded by a length (`varchar`), the
 * integer types with their smallest and largest values, and the decimal types bounded by precision and scale.
 */
export interface TypeLimits {
  readonly lengthTypes: readonly string[]
  /** Types whose values are padded to the column's length, padding a shorter type of the family takes off before it counts. */
  readonly paddedTypes?: readonly string[]
  /** Types whose length counts bytes, not characters: a value of another type is counted in its bytes (MySQL's binary and varbinary). */
  readonly byteCountedTypes?: readonly string[]
  /** Types without a length of their own whose values hold at most so many bytes (MySQL's TEXT and BLOB types). */
  readonly byteLengths?: Readonly<Record<string, number>>
  readonly integerRanges: Readonly<Record<string, readonly [min: string, max: string]>>
  readonly decimalTypes: readonly string[]
  /** Types of binary floating-point numbers, whose values a decimal or an integer type rounds. Absent: none. */
  readonly floatTypes?: readonly string[]
  /** Types that round a number to the decimal places of their own (PostgreSQL's money, by the locale): a number made one loses what a cast changes. Absent: none. */
  readonly roundingTypes?: readonly string[]
  /** Types of exact numbers that bound no value (none of `integerRanges` or `decimalTypes`), which a float type rounds too. Absent: none. */
  readonly unboundedNumberTypes?: readonly string[]
  /**
   * Types that hold text, where the database keeps a value that does not convert as it is (looseTypes): text
   * made a number there is rounded where it spells more digits than a float keeps (see looseRoundingProbe).
   */
  readonly looseTextTypes?: readonly string[]
  /** Those of `decimalTypes` that take no negative number (MySQL's `decimal unsigned`): their range starts at 0. */
  readonly unsignedDecimalTypes?: readonly string[]
  /** Types that store a moment as seconds since 1970-01-01 00:00:00 UTC, with the first and last they take. */
  readonly epochRanges?: Readonly<Record<string, readonly [min: string, max: string]>>
  /**
   * Types of dates and times: one made another of them (a date, a smaller precision) loses what a cast of each
   * value to the new type changes, which is what is counted. Absent: none.
   */
  readonly momentTypes?: readonly string[]
  /**
   * Those of `momentTypes` that hold a moment in absolute time: a value converted between one of them and one
   * of the others is read, or shown, at the time zone of the session that converts it. Absent: none.
   */
  readonly zonedTypes?: readonly string[]
  /**
   * Each of `zonedTypes` with the one of the other `momentTypes` that holds the same values without the zone
   * (timestamptz and timestamp): a value made the other, at the same precision, changes only where the session's
   * time zone cannot tell it apart (the hour its clocks repeat when set back, another UTC offset). Absent: none.
   */
  readonly zonedCounterparts?: Readonly<Record<string, string>>
  /**
   * How a session is set to UTC, and what converts a value between time zones by hand, in the dialect's SQL:
   * the advice on a type change between `zonedTypes` and the other `momentTypes`. Absent with `zonedTypes`.
   */
  readonly zoneConversion?: { readonly setUtc: string; readonly byHand: string }
}

/**
 * TypeChange is what changing a column's type does to the stored values: `safe` (no stored value changes,
 * and where the database alters columns in place, no rewrite), `rewrite` (every value is converted, the
 * table rewritten, nothing lost), `narrowing`
 * (values may be truncated, rounded or rejected), `cast_may_fail` (values of one kind must be parsed as
 * another, which fails, or leaves them unconverted, for those that do not parse), `label_positions` (between
 * numbers and an ENUM that stores positions: a number becomes the label at that position, a label its position,
 * not by their text; a number that is no position fails) or `label_bits` (between numbers and a SET that stores
 * one bit per label: a number becomes the labels of its bits, 1 the first, 2 the second, 3 both, and a set the
 * sum of its labels' bits; a number below 0 or with a bit past the last label fails).
 */
export type TypeChange = 'safe' | 'rewrite' | 'narrowing' | 'cast_may_fail' | 'label_positions' | 'label_bits'

/** DatabaseTarget is the database a DataSource's options point at, described for the user (see Dialect.describeTarget). */
export interface DatabaseTarget {
  /** What and where, never a password: `sqlite /abs/app.sqlite`, `postgres 127.0.0.1:5432/app as postgres`. */
  readonly description: string
  /** Set when the database does not exist yet and a command that writes would create it: the line saying so. */
  readonly creation?: string
  /** How the target was found may surprise the user (a relative path read against another folder than the config's). */
  readonly warnings: readonly string[]
}

/**
 * ScratchDatabase is an empty throwaway database made for one run (`check --from-migrations`, `check --drift`):
 * TypeORM's options pointing at it, how to read it, and how to remove it.
 */
export interface ScratchDatabase {
  /** The DataSource's options, pointed at the scratch database. */
  readonly options: DataSourceOptions
  /** What and where, never a password, for messages. */
  readonly description: string
  /** connect opens a connection that reads what `dataSource` (initialized with `options`) made in the scratch database. */
  connect(dataSource: DataSource): Promise<DatabaseConnection>
  /** drop removes the scratch database, whatever connections are still open to it; a second call awaits the first. */
  drop(): Promise<void>
}

/** RunnerLock is the lock one `upgrade` or `downgrade` run holds, so that concurrent runs take turns (see Dialect.lockRunner). */
export interface RunnerLock {
  /** Another run held the lock when this one asked for it, so this one waited. */
  readonly waited: boolean
  release(): Promise<void>
}

/** MigrationTimeouts bound each migration's waits on the server, in milliseconds (`--lock-timeout`, `--statement-timeout`). */
export interface MigrationTimeouts {
  /** How long one statement waits for a lock another session holds on a table or row. */
  readonly lockMs?: number
  /** How long one statement runs. */
  readonly statementMs?: number
}

/**
 * MigrationScriptSyntax is what an SQL script needs, beyond a migration's recorded `query` calls, to do what
 * TypeORM's migration runner does (`upgrade --sql`, `downgrade --sql`).
 */
export interface MigrationScriptSyntax {
  /** The statements the driver's query runner runs in `beforeMigration` and `afterMigration`, past its `query`. */
  readonly beforeMigration: readonly string[]
  readonly afterMigration: readonly string[]
  /** How the driver's queries mark their parameters, and how to write a parameter as a literal instead. */
  readonly parameters: PlaceholderSyntax
  /** How to run the script so that it stops at its first failing statement, for its header. */
  readonly howToRun: string
  /**
   * recordsWhere says, for the header, where the script records the migrations when that is not simply the
   * database it runs on: `migrationsTable` as TypeORM's runner names it.
   */
  recordsWhere?(migrationsTable: string): string | undefined
  /**
   * The statements a script sends before any other, so that the server reads its text as the UTF-8 it is
   * whatever charset the client connects with (its locale's or its configuration's).
   */
  readonly preamble: readonly string[]
  /**
   * sessionQueries are the statements, as the driver's query runner sends them, with which TypeORM's helpers ask
   * the session for its current schema or database (`getTable`, `createView`...), and fail on no rows: a
   * recording answers them as the connected database does and leaves them out of the script, whose database
   * answers them alike.
   */
  readonly sessionQueries: readonly string[]
  /**
   * failingCheck is the statements (without their `;`) that fail, with `message` where the database can say it,
   * when `query` returns a row, and do nothing else: a script's client cannot stop on a row, only on an error.
   */
  failingCheck(query: string, message: string): readonly string[]
  /**
   * statementLines are the script's lines that run `sql`, one statement without its `;`, whole: where the
   * client would end it at a `;` inside (a MySQL trigger's BEGIN ... END), under another delimiter.
   */
  statementLines(sql: string): readonly string[]
}

/**
 * TableReadFailure is what a failed read of a table says about it: there is no such table, or the server
 * refuses the connecting user (`user`, as the DataSource's options name it) the right to read it. `shownToExist`
 * says whether that refusal shows the table exists: the server looks the name up before the user's rights
 * (PostgreSQL), or refuses a user with no rights on it alike whether it exists or not (MySQL, MariaDB).
 */
export type TableReadFailure =
  | { readonly kind: 'absent' }
  | { readonly kind: 'denied'; readonly user: string; readonly shownToExist: boolean }

/** FormerTable names the database's table an entity table comes from by a stated rename or move; undefined for any other. */
export type FormerTable = (table: QualifiedName) => QualifiedName | undefined

/** FormerColumn names the database's column an entity table's column comes from by a stated rename; undefined for any other. */
export type FormerColumn = (table: QualifiedName, column: string) => string | undefined

/**
 * Dialect is everything that differs between databases: how to connect, read and normalize a schema, and
 * how to compile operations into SQL. Implementations live under `src/dialect/<name>/`.
 */
export interface Dialect {
  /** The TypeORM `type` this dialect serves (`sqlite`, `better-sqlite3`, `postgres`). */
  readonly name: string
  readonly capabilities: DialectCapabilities
  /** quoteIdent quotes one identifier; every compiler statement names objects through it. */
  quoteIdent(name: string): string
  /** connect opens a read-only connection from the DataSource's options. */
  connect(options: DataSourceOptions): Promise<DatabaseConnection>
  /**
   * connectOnlyToRead are DataSource options under which TypeORM's own connect changes nothing in the
   * database, for the runner's commands that only read it (`status`, `stamp`): PostgreSQL's driver otherwise
   * installs the extensions the entities use (`postgis`, `citext`...) as it connects. Absent where connecting
   * changes nothing.
   */
  readonly connectOnlyToRead?: Readonly<Record<string, unknown>>
  /**
   * absentDatabaseStandIn are DataSource options that open an empty database in place of the one the options
   * name, when that one does not exist yet and TypeORM's connect would create it, for the runner's commands that
   * must not (`status`, `--sql`, `--dry-run`, a `stamp` that records nothing): SQLite, an in-memory database
   * where the file is missing. Undefined when the database exists, or where connecting creates none.
   */
  absentDatabaseStandIn?(options: DataSourceOptions): Readonly<Record<string, unknown>> | undefined
  /**
   * connectionSetup is what TypeORM's own connect sends to prepare the database before any migration, which a
   * connection under connectOnlyToRead leaves out, for `--sql` to write into its script instead (PostgreSQL: the
   * extensions the entities use). `dataSource` has its metadata built, and the user's options.
   */
  connectionSetup?(dataSource: DataSource): Promise<readonly string[]>
  /**
   * describeTarget names the database the DataSource's options point at, as commands print it first.
   * `expectedFolders` are those the user may expect a relative path to be read against: the config file's
   * folder first, then the project's.
   */
  describeTarget(options: DataSourceOptions, expectedFolders: readonly string[]): DatabaseTarget
  /**
   * connectionError is `err`, thrown while TypeORM connected with the DataSource's options, worded like the
   * errors of `connect`: the database named, its password never shown.
   */
  connectionError(options: DataSourceOptions, err: unknown): Error
  /** introspect reads the live schema, already normalized. */
  introspect(connection: DatabaseConnection, scope: IntrospectionScope): Promise<SchemaModel>
  /**
   * normalize brings a model built from entity metadata into the dialect's canonical form; the DataSource's
   * options supply what the entities leave to it (default schema, uuid function).
   */
  normalize(model: SchemaModel, options?: DataSourceOptions): SchemaModel
  /**
   * storedName is the name the database keeps of a name the entities give, which `normalize` gives the model
   * (PostgreSQL cuts one longer than 63 bytes). Absent where names are kept as given.
   */
  storedName?(name: string): string
  /**
   * reconcile may rewrite the entity side where the database can prove two spellings equal that rules
   * cannot (for instance two default expressions). Optional; it must not change the database. A table
   * renamed or moved by a stated rename is compared with the database's table `formerTable` names, and a
   * renamed column with the column `formerColumn` names. `warn` takes a sentence for what it could not settle
   * (NOT_DIFFED).
   */
  reconcile?(
    desired: SchemaModel, actual: SchemaModel, connection: DatabaseConnection, formerTable?: FormerTable, formerColumn?: FormerColumn, warn?: (sentence: string) => void,
  ): Promise<SchemaModel>
  /**
   * alignWithLive gives a schema read from another database (the one the migrations build, for `check --drift` and
   * `stamp`) the live database's spelling of what the server treats alike, where the two catalogs spell it two
   * ways (MySQL's `RESTRICT` and `NO ACTION` on InnoDB). Optional; reads nothing.
   */
  alignWithLive?(reference: SchemaModel, live: SchemaModel): SchemaModel
  /**
   * compile turns a change set (operations in order, grouped per table with each table's shapes) into
   * statements, each carrying the operations it carries out.
   */
  compile(changes: ChangeSet): Statement[]
  /**
   * typeormRecords are the statements that keep TypeORM's `typeorm_metadata` rows (generated columns, views)
   * as TypeORM would after `changes` (see typeormRecordChanges), for the DataSource's metadata table.
   */
  typeormRecords(changes: RecordChanges, options: DataSourceOptions): Statement[]
  /** readTypeormRecords reads the `typeorm_metadata` rows of generated columns and views; none where the table is missing. */
  readTypeormRecords(connection: DatabaseConnection, options: DataSourceOptions): Promise<TypeormRecord[]>
  /**
   * viewBreakingChanges names the tables (and columns, where only some are concerned) that `changes` change in a
   * way the views reading them do not survive, beyond the drops every dialect shares: a SQLite table rebuild,
   * a PostgreSQL column type change. Those views are dropped before and re-created after (src/diff/view-dependents).
   */
  viewBreakingChanges(changes: ChangeSet): readonly ViewSource[]
  /**
   * classifyTypeChange says what changing a column from `from` to `to` does to its stored values; both are
   * canonical and differ in type, length, precision, scale, array-ness or enum type. `table` is the table that
   * holds the column before the change, where known: a column that names no charset has the table's.
   */
  classifyTypeChange(from: ColumnModel, to: ColumnModel, table?: TableModel): TypeChange
  /**
   * namesReadAsStrings lists those of `columns` that `expression` (a check's, a generated column's, a view's
   * SELECT) writes in a quoting this database reads as a string literal rather than a name: `"age"` on MySQL
   * and MariaDB, whose sql_mode has no ANSI_QUOTES. Absent where every quoting a TypeORM entity uses for names
   * reads as one.
   */
  namesReadAsStrings?(expression: string, columns: readonly string[]): readonly string[]
  /**
   * measure answers probes about the data in a few read-only queries (each probe bounded by `options.rowLimit`).
   * An entry is undefined where the dialect cannot answer that probe (a `not_convertible` to a type it
   * cannot test). It never changes the database.
   */
  measure(connection: DatabaseConnection, probes: readonly Probe[], options: ProbeOptions): Promise<readonly (ProbeResult | undefined)[]>
  /** firstProbedRowSql selects one row that `probe` counts, for a check a migration runs; undefined where it cannot be tested. */
  firstProbedRowSql(probe: ConditionProbe): string | undefined
  /**
   * appliedMigrations lists the names recorded in TypeORM's migrations table `table` (in the DataSource's
   * schema), or none when the table does not exist yet.
   */
  appliedMigrations(connection: DatabaseConnection, table: string, options: DataSourceOptions): Promise<readonly string[]>
  /** presentTables are those of `tables` the database has: for tables the comparison never reads. */
  presentTables(connection: DatabaseConnection, tables: readonly QualifiedName[], options: DataSourceOptions): Promise<readonly QualifiedName[]>
  /**
   * tableReadFailure reads the driver's error `err`, thrown by a statement that reads one table (through
   * TypeORM or `connect`'s connection), for whether the table is absent or the user may not read it; undefined
   * for any other failure. Absent where the database has no rights per table (then a table its catalog does
   * not list does not exist), otherwise the catalogs may hide a table the user has no rights on.
   */
  tableReadFailure?(err: unknown, options: DataSourceOptions): TableReadFailure | undefined
  /**
   * createScratchDatabase makes an empty database like the one `options` point at (same server and
   * credentials), or on the server `shadowUrl` names. A UserError when the dialect cannot make one there.
   */
  createScratchDatabase(options: DataSourceOptions, shadowUrl?: string): Promise<ScratchDatabase>
  readonly migrationScript: MigrationScriptSyntax
  /**
   * lockRunner takes the lock that serializes the runs of migrations on the database `options` point at,
   * keyed by its migrations table `table`, on a connection of its own (TypeORM's connection does the work)
   * that a crashed process gives up with it. It waits up to `waitMs` (undefined: as long as it takes), then
   * throws a UserError. `onWaiting` is told when another run holds the lock, before the wait begins.
   */
  lockRunner(options: DataSourceOptions, table: string, waitMs: number | undefined, onWaiting?: () => void): Promise<RunnerLock>
  /**
   * backup writes a consistent copy of the database `options` point at to `path` (a new file), from which it
   * can be restored, and returns false when there is nothing to copy (a SQLite file not made yet). A UserError
   * names what to install when the dialect needs a tool that is missing.
   */
  backup(options: DataSourceOptions, path: string): Promise<boolean>
  /**
   * timeoutStatements set `timeouts` for one migration: `set` run before it, for its transaction alone when
   * `inTransaction`, and `reset` after it (empty where the transaction's end resets them). Absent where the
   * database has no such timeouts.
   */
  timeoutStatements?(timeouts: MigrationTimeouts, inTransaction: boolean): { readonly set: readonly string[]; readonly reset: readonly string[] }
  /**
   * atServer is this dialect as the server behind `connection` speaks it (its product, version and modes,
   * read once per connection), for a dialect whose SQL or rules depend on them. Absent: the same everywhere.
   */
  atServer?(connection: DatabaseConnection): Promise<Dialect>
  /** backupName is the file name a backup taken at `takenAt` gets when the user names none, and the folder it goes in by default (undefined: the current one). */
  backupName(options: DataSourceOptions, takenAt: string): { readonly folder?: string; readonly file: string }
  /**
   * onlyReadRows says whether `result`, what the driver's query runner returned for a statement, shows the
   * statement read rows and changed nothing (a check's SELECT). Absent where results do not tell it: then every
   * statement a failed migration ran is told as one that may have changed something.
   */
  onlyReadRows?(result: unknown): boolean
  /**
   * losesCharacters says whether a column's values, in charset `from` (undefined: its table's), may hold characters
   * charset `to` has not, which the database then refuses or replaces. Absent where columns have no charset of their own.
   */
  losesCharacters?(from: string | undefined, to: string): boolean
  /**
   * enumLabelKey is what a stored value of an enum column's `label` is matched by when its labels change, under
   * the column's `collation` (undefined: its table's): labels of one key are one value, which the change keeps
   * (MySQL's case-insensitive collations: 'Email' made 'email'). Absent: the label itself.
   */
  enumLabelKey?(label: string, collation: string | undefined): string
}
