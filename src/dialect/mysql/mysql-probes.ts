import type { ColumnModel } from '../../model/schema-model'
import type { DatabaseConnection } from '../dialect'
import type { Probe, ProbeOptions, ProbeResult } from '../probe'
import { type ConditionProbe, type ProbeSyntax, decimalLiteral, firstRowSql, measureWith } from '../probe-query'
import { quoteString } from './mysql-literals'
import { quoteIdent } from './mysql-quote'
import { withoutZeroPadding } from './mysql-binary-narrowing'
import { charactersLost } from './mysql-charset-narrowing'
import { largestDecimal } from '../narrowing-probe'
import { integerTypes, mysqlTypeLimits } from './mysql-type-families'
import { baseOf, mysqlBinaryTypes } from './mysql-types'

const integerPattern = '^[[:space:]]*[+-]?[0-9]+[[:space:]]*$'
const numberPattern = '^[[:space:]]*[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?[[:space:]]*$'
// MariaDB takes 32 hex digits with hyphens anywhere between them, and nothing around them (not even spaces).
const uuidPattern = '^[0-9a-f](-*[0-9a-f]){31}$'
const numberTypes = new Set(['decimal', 'float', 'double'])
const floatCasts: Readonly<Record<string, string>> = { float: 'FLOAT', double: 'DOUBLE' }
const temporalCasts: Readonly<Record<string, string>> = { date: 'DATE', datetime: 'DATETIME', timestamp: 'DATETIME', time: 'TIME' }
// A date and time as the server reads them: up to three groups of digits, then up to four more after a space or
// 'T', any punctuation between groups. CAST reads the moment at the start of '2024-01-02T03:04:05.678Z' or of
// '2024-01-02 03:04:05+02:00' with a warning, where ALTER in strict mode refuses the value.
const momentPattern = '^[[:space:]]*[0-9]+([^[:alnum:]]+[0-9]+){0,2}(([^[:alnum:]]+|T)[0-9]+([^[:alnum:]]+[0-9]+){0,3})?[[:space:]]*$'

/** momentCast is the CAST target of a date or time type, with its fractional seconds (CAST rounds them as ALTER does). */
function momentCast(to: ColumnModel): string {
  const cast = temporalCasts[to.type] ?? 'DATETIME'
  return cast === 'DATE' ? cast : `${cast}(${to.precision ?? 0})`
}

/**
 * notConvertible tests the values of a column against what the target type takes, for the types it knows:
 * numbers and uuids by their text (a uuid made of bytes by their number: 16), dates and times by a CAST (NULL, with a warning, for a value that is not
 * one) and dates by their text as well (see momentPattern), JSON by JSON_VALID, enums by their labels.
 */
function notConvertible(probe: Extract<ConditionProbe, { kind: 'not_convertible' }>, quoted: string): string | undefined {
  const { to } = probe
  const base = to.type.split(' ')[0]!
  // MariaDB casts a uuid to nothing but text ("Illegal parameter data type uuid for operation 'cast_as_datetime'").
  // A binary's zero padding is trimmed before it converts (see paddedBinaryNarrowing).
  const source = baseOf(probe.from.type)
  const column = source === 'uuid' ? `CAST(${quoted} AS CHAR)` : source === 'binary' && base !== 'uuid' ? withoutZeroPadding(quoted) : quoted
  if (integerTypes.has(base)) return `(${column} NOT REGEXP ${quoteString(integerPattern)} OR ${outsideIntegers(column, to)})`
  if (base === 'decimal') return `(${column} NOT REGEXP ${quoteString(numberPattern)} OR ${outsideDecimals(column, to)})`
  if (numberTypes.has(base)) return `${column} NOT REGEXP ${quoteString(numberPattern)}`
  if (base === 'uuid') {
    return mysqlBinaryTypes.has(baseOf(probe.from.type)) ? `LENGTH(${column}) <> 16` : `LOWER(${column}) NOT REGEXP ${quoteString(uuidPattern)}`
  }
  if (base === 'json') return `JSON_VALID(${column}) = 0`
  const cast = temporalCasts[base]
  if (cast === 'TIME') return `CAST(${column} AS ${cast}) IS NULL`
  if (cast !== undefined) return `(CAST(${column} AS ${cast}) IS NULL OR ${column} NOT REGEXP ${quoteString(momentPattern)})`
  if (base === 'enum' && to.enumValues !== undefined && to.enumValues.length > 0) return `${column} NOT IN (${to.enumValues.map(quoteString).join(', ')})`
  return undefined
}

/**
 * Strict mode refuses a number the new type cannot hold as it refuses text that is no number ('300' made a
 * tinyint unsigned: "Out of range value"): outsideIntegers and outsideDecimals test a value's number against the
 * type's bounds (a decimal's after rounding to its scale, as the server rounds it: '99999999.999' is out of
 * decimal(10,2)'s range). Text that is no number reads as some number here, but is counted by its pattern anyway.
 */
function outsideIntegers(column: string, to: ColumnModel): string {
  const [min, max] = mysqlTypeLimits.integerRanges[to.type] ?? mysqlTypeLimits.integerRanges[to.type.split(' ')[0]!]!
  return `CAST(${column} AS DECIMAL(65,0)) NOT BETWEEN ${decimalLiteral(min)} AND ${decimalLiteral(max)}`
}

function outsideDecimals(column: string, to: ColumnModel): string {
  const scale = to.scale ?? 0
  const max = largestDecimal(to.precision ?? 10, scale) // decimal with no precision is decimal(10,0)
  const min = to.type.includes('unsigned') ? '0' : `-${max}`
  return `ROUND(CAST(${column} AS DECIMAL(65,30)), ${scale}) NOT BETWEEN ${min} AND ${max}`
}

/** probeCondition is the MySQL test for the rows a probe counts; `column` is quoted. */
export function probeCondition(probe: ConditionProbe, column: string): string | undefined {
  switch (probe.kind) {
    case 'non_null': return `${column} IS NOT NULL`
    case 'longer_than':
      if (probe.inBytes === true) return `LENGTH(${column}) > ${probe.length}`
      return `CHAR_LENGTH(${probe.unpadded === true ? withoutZeroPadding(column) : column}) > ${probe.length}`
    case 'out_of_range': {
      // As a number: a TIME or DATE compared with a number is compared as a moment ('00:00:05' > 2147483647 held),
      // where the column's conversion takes its number (5, 20240102).
      const number = `(${column} + 0)`
      const decimals = probe.scale === undefined ? '' : ` OR ${moreDecimals(number, probe.scale)}`
      return `(${number} < ${decimalLiteral(probe.min)} OR ${number} > ${decimalLiteral(probe.max)}${decimals})`
    }
    case 'more_decimals': return moreDecimals(column, probe.scale)
    // FROM_UNIXTIME gives the bounds in the session's time zone, in which the server converts the values; the
    // zero date converts to the zero timestamp.
    case 'outside_epoch_range': {
      const outside = `(${column} <> '0000-00-00 00:00:00' AND (${column} < FROM_UNIXTIME(${probe.min}) OR ${column} > FROM_UNIXTIME(${probe.max})))`
      if (probe.cast === undefined) return outside
      return `(${outside} OR ${changedByCast({ kind: 'changed_by_cast', table: probe.table, column: probe.column, ...probe.cast }, column)})`
    }
    case 'holds_values': return holdsValues(column, probe.values)
    case 'not_convertible': return notConvertible(probe, column)
    case 'changed_by_cast': return changedByCast(probe, column)
    case 'loses_characters': return charactersLost(column, probe.charset)
  }
}

/**
 * changedByCast tests the values a cast to `probe.to` changes. A number made a FLOAT or DOUBLE is compared with the
 * number the float's text reads as, which is what the server shows of it (six significant digits of a FLOAT): the
 * float's binary value compared with a DECIMAL or DOUBLE differs for nearly every fraction (0.1 among them).
 */
function changedByCast(probe: Extract<ConditionProbe, { kind: 'changed_by_cast' }>, column: string): string {
  const float = floatCasts[baseOf(probe.to.type)]
  if (float === undefined) return `NOT (${column} <=> CAST(${column} AS ${momentCast(probe.to)}))`
  const exact = floatCasts[baseOf(probe.from.type)] === undefined ? 'DECIMAL(65,30)' : 'DOUBLE'
  return `NOT (${column} <=> CAST(CAST(CAST(${column} AS ${float}) AS CHAR) AS ${exact}))`
}

const syntax: ProbeSyntax = {
  quoteIdent,
  tableSql: (table) => quoteIdent(table.name),
  condition: probeCondition,
  // Byte for byte: a case-insensitive collation finds 'Ann' and 'ann' equal.
  differ: (a, b) => `CAST(${a} AS BINARY) <> CAST(${b} AS BINARY)`,
  // InnoDB's TABLE_ROWS is an estimate from sampled pages.
  estimateSql: (table) =>
    `(SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${quoteString(table.name)})`,
}

/** firstProbedRowMysql selects one row that `probe` counts (see firstRowSql). */
export function firstProbedRowMysql(probe: ConditionProbe): string | undefined {
  return firstRowSql(syntax, probe)
}

/** measureMysql answers probes in a few queries (see measureWith) through the read-only session; row counts come with InnoDB's estimate. */
export function measureMysql(
  connection: DatabaseConnection,
  probes: readonly Probe[],
  options: ProbeOptions,
): Promise<(ProbeResult | undefined)[]> {
  return measureWith(syntax, connection, probes, options)
}

/** holdsValues is the MySQL test for the rows whose ENUM or SET column `column` (quoted) holds one of `values`. */
export function holdsValues(column: string, values: readonly string[]): string {
  // A SET column holds several labels: FIND_IN_SET finds one among them (and equals IN for an ENUM's).
  return `(${column} IN (${values.map(quoteString).join(', ')}) OR ` +
    `${values.filter((v) => !v.includes(',')).map((v) => `FIND_IN_SET(${quoteString(v)}, ${column}) > 0`).join(' OR ') || 'FALSE'})`
}

function moreDecimals(column: string, scale: number): string {
  const exact = `CAST(${column} AS DECIMAL(65,30))`
  return `${exact} <> ROUND(${exact}, ${scale})`
}
