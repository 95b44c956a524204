import type { ColumnModel, QualifiedName } from '../model/schema-model'

/**
 * Probe is one question about the data a migration is about to change, asked before it runs: how many rows
 * a table has, how many rows hold NULL in a column, how many values repeat... Table and column names are
 * those of the database as it is now (before the migration). A dialect answers them all in one read-only
 * query (`Dialect.measure`).
 */
export type Probe =
  | { readonly kind: 'rows'; readonly table: QualifiedName }
  | { readonly kind: 'non_null'; readonly table: QualifiedName; readonly column: string }
  /**
   * Rows holding NULL in `column`, and in `alsoIn` too when given (where a copy from it fills `column` first);
   * `named`: the column as the hazard names it, where the migration renames it.
   */
  | { readonly kind: 'nulls'; readonly table: QualifiedName; readonly column: string; readonly alsoIn?: string; readonly named?: string }
  /**
   * Values of `columns` that repeat, among the rows `where` (a predicate in the dialect's SQL) selects when
   * given, and with `collated.column` compared under `collated.collation`, or `caseFolded` in lower case, when given;
   * `named`: the columns as the hazard names them, where the migration renames one.
   */
  | {
    readonly kind: 'duplicates'; readonly table: QualifiedName; readonly columns: readonly string[]; readonly where?: string
    readonly named?: readonly string[]
    readonly collated?: { readonly column: string; readonly collation: string }
    readonly caseFolded?: string
  }
  /**
   * Rows whose `columns` are all non-null and match no row of `referencedTable` in `referencedColumns` (a foreign
   * key's test); `named`: the referenced table as the hazard names it, where the migration renames it.
   */
  | {
    readonly kind: 'unmatched'; readonly table: QualifiedName; readonly columns: readonly string[]
    readonly referencedTable: QualifiedName; readonly referencedColumns: readonly string[]; readonly named?: QualifiedName
  }
  /**
   * Values longer than `length`; `unpadded`: not counting the bytes a fixed-length type pads them with (see
   * TypeLimits.paddedTypes); `isArray`: arrays holding an element longer than `length`, the length of an array
   * type's elements; `inBytes`: `length` counts bytes, not characters (a type of TypeLimits.byteLengths).
   */
  | {
    readonly kind: 'longer_than'; readonly table: QualifiedName; readonly column: string; readonly length: number; readonly unpadded?: true
    readonly isArray?: true; readonly inBytes?: true
  }
  /**
   * Values below `min` or above `max` (decimal numbers written as text, so that bigint bounds stay exact), and
   * with more than `scale` decimal places too where it is given (a type that narrows both ways); `isArray`:
   * arrays holding such an element (an integer array made one of a smaller integer type); `fromFloat`: the
   * column holds floats (see more_decimals).
   */
  | {
    readonly kind: 'out_of_range'; readonly table: QualifiedName; readonly column: string; readonly min: string; readonly max: string; readonly scale?: number
    readonly isArray?: true; readonly fromFloat?: true
  }
  /**
   * Values with more than `scale` decimal places; `fromFloat`: the column holds floats, each the exact number its
   * text reads as (a float's own conversion to a decimal may keep fewer digits than it has).
   */
  | { readonly kind: 'more_decimals'; readonly table: QualifiedName; readonly column: string; readonly scale: number; readonly fromFloat?: true }
  /**
   * Moments before `min` or after `max` seconds since 1970-01-01 00:00:00 UTC (decimal numbers written as text),
   * the range of a type that stores a moment as such seconds (see TypeLimits.epochRanges), and where `cast` is
   * given, the moments its cast from `from` to `to` changes too (a datetime(6) made a timestamp(0): a type that
   * narrows both ways, by its range and by its fractional seconds).
   */
  | {
    readonly kind: 'outside_epoch_range'; readonly table: QualifiedName; readonly column: string; readonly min: string; readonly max: string
    readonly cast?: { readonly from: ColumnModel; readonly to: ColumnModel }
  }
  /**
   * Values of the column, now `from`, that a cast to the type `to` changes: a moment with a time of day made a date, more
   * fractional seconds than `to` keeps, or a number with more significant digits than a float `to` reads back.
   */
  | { readonly kind: 'changed_by_cast'; readonly table: QualifiedName; readonly column: string; readonly from: ColumnModel; readonly to: ColumnModel }
  | { readonly kind: 'holds_values'; readonly table: QualifiedName; readonly column: string; readonly values: readonly string[]; readonly isArray?: boolean }
  /**
   * Non-null values of the column, now `from`, that do not look like values of the type `to`; dialects answer
   * it for the types they can test.
   */
  | { readonly kind: 'not_convertible'; readonly table: QualifiedName; readonly column: string; readonly from: ColumnModel; readonly to: ColumnModel }
  /** Rows for which `expression` (a CHECK's, in the dialect's SQL, naming the columns as the table has them) is false. */
  | { readonly kind: 'fails_check'; readonly table: QualifiedName; readonly expression: string }
  /**
   * Rows where `column` and `by` both hold a value and the two differ: where `by` is kept and `column` dropped,
   * the values that go (a column an expand migration copied into `by` where it held none).
   */
  | { readonly kind: 'overwritten'; readonly table: QualifiedName; readonly column: string; readonly by: string }
  /** Values holding a character charset `charset` has not; dialects with column charsets (Dialect.losesCharacters) answer it. */
  | { readonly kind: 'loses_characters'; readonly table: QualifiedName; readonly column: string; readonly charset: string }

/**
 * ProbeResult answers one probe. Every probe reads at most `rowLimit` rows of its table, so that it stays
 * quick on big tables: `complete` says whether that was the whole table. When it was not, `count` only
 * counts what was read (a lower bound), and for `rows` it is `rowLimit` ("more than rowLimit rows").
 * `estimate` is the planner's row estimate, for `rows` probes where the database keeps one.
 */
export interface ProbeResult {
  readonly count: number
  readonly complete: boolean
  readonly estimate?: number
}

/** ProbeOptions bound the probes. */
export interface ProbeOptions {
  /** Rows read per table at most (the answer says when there were more). */
  readonly rowLimit: number
}

/** DEFAULT_ROW_LIMIT is how many rows of a table the probes read at most by default. */
export const DEFAULT_ROW_LIMIT = 100_000
