import type { ColumnModel } from '../../model/schema-model'
import type { TypeChange } from '../dialect'
import { bitStringTypes, castBridge, floatTypes, hasBuiltInCast, jsonTypes, zeroTestedTypes } from './postgres-casts'

const stringTypes: ReadonlySet<string> = new Set(['varchar', 'text', 'char', 'citext'])
const integerDigits: Readonly<Record<string, number>> = { smallint: 5, integer: 10, bigint: 19 }
const timeTypes: ReadonlySet<string> = new Set(['time', 'timetz', 'timestamp', 'timestamptz', 'interval'])

/** widenings are conversions that keep every value, by source type then target type. */
const widenings: Readonly<Record<string, readonly string[]>> = {
  real: ['double precision', 'numeric'],
  'double precision': ['numeric'],
  smallint: ['double precision', 'real'],
  integer: ['double precision'],
  date: ['timestamp', 'timestamptz'],
  timestamp: ['timestamptz'],
  time: ['timetz', 'interval'],
  macaddr: ['macaddr8'],
  // Not json -> jsonb: jsonb refuses the \u0000 escape json keeps (see the probe's notValueOf).
  jsonb: ['json'],
}

/**
 * classifyPostgresTypeChange says what ALTER COLUMN ... TYPE does to the stored values. `safe` only where
 * PostgreSQL needs no rewrite (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES):
 * a longer or unbounded varchar, varchar -> text, more numeric precision at the same scale, more time
 * precision, cidr -> inet. Fewer characters, digits, bytes or fractional seconds (also across types:
 * timestamp made timestamptz(3)) are `narrowing`; parsing text (or anything) into another
 * kind of value is `cast_may_fail`; the rest converts every value without loss: `rewrite`.
 */
export function classifyPostgresTypeChange(from: ColumnModel, to: ColumnModel): TypeChange {
  // A value becomes the one element of an array (see valueCastSql); an array becomes a value only by text.
  // A JSON array becomes the array of its elements, unless one is nested or escaped (see valueCastSql).
  if (!from.isArray && to.isArray && jsonTypes.has(from.type)) return 'cast_may_fail'
  if (!from.isArray && to.isArray) return rewritten(classifyPostgresTypeChange(from, { ...to, isArray: false }))
  // An array becomes the JSON array of its elements; any other value, its element or its text (see valueCastSql),
  // which a string type of no length holds, where the element converts.
  if (from.isArray && !to.isArray) {
    if (jsonTypes.has(to.type)) return 'rewrite'
    return holdsAnyText(to) ? rewritten(classifyPostgresTypeChange({ ...from, isArray: false }, to)) : 'cast_may_fail'
  }
  if (to.type === 'enum') return from.type === 'enum' && keepsLabels(from, to) ? 'rewrite' : 'cast_may_fail'
  if (from.type === to.type) return sameType(from, to)
  // Every cidr is an inet of the same bytes (a binary cast): a column keeps its storage, an array is rewritten.
  if (from.type === 'cidr' && to.type === 'inet') return from.isArray === true ? 'rewrite' : 'safe'
  // Values and bytes convert as the UTF-8 of their text (see valueCastSql): every value has its bytes; bytes that
  // are no UTF-8, or not the text of a value of the target's, fail.
  if (from.type === 'bytea') return 'cast_may_fail'
  if (to.type === 'bytea') return 'rewrite'
  if (stringTypes.has(to.type)) return toString(from, to)
  if (stringTypes.has(from.type) || from.type === 'enum') return 'cast_may_fail'
  if (to.type in integerDigits) return toInteger(from, to)
  // A number becomes a boolean by integer's cast or a test against 0 (see valueCastSql): every value but 0
  // becomes true, which down gives back as 1. An array's elements only by a cast (through integer for smallint).
  if (to.type === 'boolean' && (from.type === 'integer' || castBridge(from, to) !== undefined || (!from.isArray && zeroTestedTypes.has(from.type)))) return 'narrowing'
  // A boolean is 0 or 1 (through integer), which any number holds but a numeric with no whole digit.
  if (from.type === 'boolean' && (floatTypes.has(to.type) || to.type === 'numeric')) {
    return to.type !== 'numeric' || to.precision === undefined || to.precision - (to.scale ?? 0) >= 1 ? 'rewrite' : 'narrowing'
  }
  if (to.type === 'numeric' && from.type in integerDigits) {
    return to.precision === undefined || to.precision - (to.scale ?? 0) >= integerDigits[from.type]! ? 'rewrite' : 'narrowing'
  }
  // A float's value, exact in an unbounded numeric, is rounded (or refused) by a precision and scale.
  if (to.type === 'numeric' && floatTypes.has(from.type)) return to.precision === undefined ? 'rewrite' : 'narrowing'
  // A bit string that may not fit goes through varbit (see valueCastSql): a bit(n) refuses any other length.
  if (bitStringTypes.has(from.type) && bitStringTypes.has(to.type)) return fitsBitString(from, to) ? 'rewrite' : to.type === 'bit' ? 'cast_may_fail' : 'narrowing'
  if ((widenings[from.type] ?? []).includes(to.type)) return keepsFractionalSeconds(from, to) ? 'rewrite' : 'narrowing'
  // Where PostgreSQL has no cast of its own, the value goes through its text, which the target may not read
  // (`'1 day'::numeric`, `'12.34'::bit`): not a narrowing.
  if ((timeTypes.has(from.type) || from.type === 'date' || floatTypes.has(to.type) || from.type === 'numeric') && hasBuiltInCast(from, to)) return 'narrowing'
  return 'cast_may_fail'
}

/** keepsFractionalSeconds: a time of `from` keeps its fractional seconds in `to` (timestamp(6) made timestamptz(3) rounds them). */
function keepsFractionalSeconds(from: ColumnModel, to: ColumnModel): boolean {
  return !timeTypes.has(from.type) || (to.precision ?? 6) >= (from.precision ?? 6)
}

/** holdsAnyText: a string type of no length (`char` alone is char(1)). */
function holdsAnyText(column: ColumnModel): boolean {
  return column.type === 'text' || column.type === 'citext' || (column.type === 'varchar' && column.length === undefined)
}

/** rewritten is a change that rewrites the table at least. */
function rewritten(change: TypeChange): TypeChange {
  return change === 'safe' ? 'rewrite' : change
}

/** keepsLabels says whether every label of enum `from` is one of `to`: then every value converts. */
function keepsLabels(from: ColumnModel, to: ColumnModel): boolean {
  return from.enumValues !== undefined && to.enumValues !== undefined && from.enumValues.every((v) => to.enumValues!.includes(v))
}

function toInteger(from: ColumnModel, to: ColumnModel): TypeChange {
  // A boolean becomes 1 or 0, which every size holds (through integer for the others, see castBridge).
  if (from.type === 'boolean') return 'rewrite'
  const fromDigits = integerDigits[from.type]
  if (fromDigits !== undefined) return fromDigits < integerDigits[to.type]! ? 'rewrite' : 'narrowing'
  return from.type === 'numeric' || floatTypes.has(from.type) ? 'narrowing' : 'cast_may_fail'
}

function sameType(from: ColumnModel, to: ColumnModel): TypeChange {
  switch (from.type) {
    case 'varchar':
    case 'varbit':
      return to.length === undefined || (from.length !== undefined && to.length >= from.length) ? 'safe' : 'narrowing'
    case 'char':
    case 'bit':
      return (to.length ?? 1) >= (from.length ?? 1) ? 'rewrite' : 'narrowing'
    case 'numeric':
      return numeric(from, to)
    case 'enum':
      return 'cast_may_fail'
    default:
      if (timeTypes.has(from.type)) return (to.precision ?? 6) >= (from.precision ?? 6) ? 'safe' : 'narrowing'
      return 'rewrite'
  }
}

function numeric(from: ColumnModel, to: ColumnModel): TypeChange {
  if (to.precision === undefined) return 'safe'
  if (from.precision === undefined) return 'narrowing'
  const [fromScale, toScale] = [from.scale ?? 0, to.scale ?? 0]
  if (toScale < fromScale || to.precision - toScale < from.precision - fromScale) return 'narrowing'
  return toScale === fromScale ? 'safe' : 'rewrite'
}

/** toString: every value has a text form; a bounded target may cut it. */
function toString(from: ColumnModel, to: ColumnModel): TypeChange {
  if (to.type === 'varchar' && to.length === undefined && from.type === 'text') return 'safe'
  if (to.type === 'text' && from.type === 'varchar') return 'safe'
  const bounded = (to.type === 'varchar' || to.type === 'char') && (to.length !== undefined || to.type === 'char')
  if (!bounded) return 'rewrite'
  const fromLength = from.type === 'char' ? from.length ?? 1 : from.type === 'varchar' ? from.length : longestText[from.type]
  return fromLength !== undefined && fromLength <= (to.length ?? 1) ? 'rewrite' : 'narrowing'
}

/** longestText is the length of the longest text form of the types whose values print in a bounded width. */
const longestText: Readonly<Record<string, number>> = {
  uuid: 36,
  boolean: 'false'.length,
  smallint: '-32768'.length,
  integer: '-2147483648'.length,
  bigint: '-9223372036854775808'.length,
}

/** fitsBitString says whether every value of bit string column `from` fits `to` (`bit` alone is `bit(1)`, `varbit` alone unbounded). */
export function fitsBitString(from: ColumnModel, to: ColumnModel): boolean {
  const lengthOf = (c: ColumnModel) => c.length ?? (c.type === 'bit' ? 1 : undefined)
  const [fromLength, toLength] = [lengthOf(from), lengthOf(to)]
  return toLength === undefined || (fromLength !== undefined && fromLength <= toLength)
}
