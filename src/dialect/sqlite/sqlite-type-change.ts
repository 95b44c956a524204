import type { ColumnModel } from '../../model/schema-model'
import type { TypeChange } from '../dialect'

/** Affinity is how SQLite stores the values of a column (https://sqlite.org/datatype3.html#type_affinity). */
export type Affinity = 'INTEGER' | 'TEXT' | 'BLOB' | 'REAL' | 'NUMERIC'

/** affinityOf applies SQLite's rules for the affinity of a declared type, in their order. */
export function affinityOf(declaredType: string): Affinity {
  const type = declaredType.toUpperCase()
  if (type.includes('INT')) return 'INTEGER'
  if (/CHAR|CLOB|TEXT/.test(type)) return 'TEXT'
  if (type.includes('BLOB') || type.trim() === '') return 'BLOB'
  if (/REAL|FLOA|DOUB/.test(type)) return 'REAL'
  return 'NUMERIC'
}

/**
 * classifySqliteTypeChange: SQLite keeps the declared type as text and stores values by affinity, so a change
 * within one affinity (varchar(50) -> varchar(20), varchar -> text) leaves every value as it is: `safe`
 * (the rebuild that carries it is a hazard of its own), and so does INTEGER towards NUMERIC (tinyint ->
 * boolean, int -> decimal), which stores each value an INTEGER column holds the same way. Towards TEXT every value is converted (`rewrite`);
 * from TEXT or BLOB towards a numeric affinity, values that do not parse as numbers are kept unconverted
 * (`cast_may_fail`), and so are REAL values with a fraction towards INTEGER (0.5 stays 0.5 in an `integer`
 * column); towards REAL the integers beyond 2^53 are rounded (`narrowing`); otherwise between numeric affinities
 * values are converted without loss (`rewrite`).
 */
export function classifySqliteTypeChange(from: ColumnModel, to: ColumnModel): TypeChange {
  const before = affinityOf(from.type)
  const after = affinityOf(to.type)
  if (before === after || after === 'BLOB' || (before === 'INTEGER' && after === 'NUMERIC')) return 'safe'
  if (after === 'TEXT') return 'rewrite'
  if (before === 'TEXT' || before === 'BLOB') return 'cast_may_fail'
  if (after === 'INTEGER' && (before === 'REAL' || before === 'NUMERIC')) return 'cast_may_fail'
  if (after === 'REAL') return 'narrowing'
  return 'rewrite'
}
