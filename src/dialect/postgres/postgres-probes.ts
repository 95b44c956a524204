import type { ColumnModel } from '../../model/schema-model'
import type { DatabaseConnection } from '../dialect'
import type { Probe, ProbeOptions, ProbeResult } from '../probe'
import { type ConditionProbe, type ProbeSyntax, decimalLiteral, firstRowSql, measureWith } from '../probe-query'
import { quoteLiteral } from '../quote'
import { bitStringTypes, floatTypes, hasBuiltInCast, jsonTypes, stringTypes } from './postgres-casts'
import { columnTypeSql } from './postgres-column-sql'
import { postgresTypeLimits } from './postgres-type-families'
import { qualified, quoteIdent } from './postgres-quote'
import { isArrayLiteral, isFlatJsonArray, singleElement, valueCastSql } from './postgres-value-cast'

const integerPattern = '^[[:space:]]*[+-]?[0-9]+[[:space:]]*$'
const numberPattern = '^[[:space:]]*[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?[[:space:]]*$'
const numberTypes: ReadonlySet<string> = new Set([
  ...Object.keys(postgresTypeLimits.integerRanges), ...postgresTypeLimits.decimalTypes, ...postgresTypeLimits.floatTypes ?? [],
])
const unescapedNulPattern = '(^|[^\\\\])(\\\\\\\\)*\\\\u0000'
const booleanWords = ['t', 'true', 'f', 'false', 'y', 'yes', 'n', 'no', 'on', 'off', '1', '0']

/**
 * notConvertible tests the text form of a value against what the target type accepts, for the types it knows.
 * A value becoming an array becomes its one element, and an array of one element becoming a value is that
 * element (valueCastSql): those are tested as the element. Text written as an array literal becomes that array,
 * whose elements are tested (see notElementsOfLiteral). Between arrays, each element converts as a value would: an
 * array is counted where one of its elements does not convert (`{1,x}` made `integer[]`). Types without a test of
 * the probe's own are tested by the server's input function where it has one (`invalid`, see condition).
 */
function notConvertible(probe: Extract<ConditionProbe, { kind: 'not_convertible' }>, column: string, inputTests: boolean): string | undefined {
  const { from, to } = probe
  const invalid: InvalidInput | undefined = inputTests
    ? (text, type) => `NOT pg_input_is_valid(${text}, ${quoteLiteral(columnTypeSql({ ...type, isArray: false }, probe.table))})`
    : undefined
  const fromArray = from.isArray === true
  if (fromArray && !to.isArray) return notValueOf(to, invalid, `CASE WHEN ${singleElement(column)} THEN (${column})[1]::text ELSE ${column}::text END`)
  if (!fromArray && to.isArray && jsonTypes.has(from.type)) return notElementsOfJson(from, to, invalid, column)
  if (!fromArray && to.isArray) {
    const text = `${column}::text`
    const element = notValueOf({ ...to, isArray: false }, invalid, text)
    if (element === undefined) return undefined
    const literalElement = notValueOf({ ...to, isArray: false }, invalid, 'trim(literal_element)')!
    return `CASE WHEN ${isArrayLiteral(text)} THEN ${notElementsOfLiteral(text, literalElement)} ELSE ${element} END`
  }
  // Between arrays, the text form is an array literal (`{a,b}`): a text array takes it.
  if (to.isArray) {
    if (stringTypes.has(to.type)) return `NOT ${isArrayLiteral(`${column}::text`)}`
    const element = notValueOfText({ ...from, isArray: false }, { ...to, isArray: false }, invalid, 'element::text')
    return element === undefined ? undefined : eachValue({ isArray: true }, column, () => element)
  }
  // Bytes convert as their UTF-8 text (valueCastSql), which for the bytes a value's text can have (ASCII) is their
  // escape form; other bytes, escaped there, fail the tests as they fail the conversion.
  return notValueOfText(from, to, invalid, from.type === 'bytea' ? `encode(${column}, 'escape')` : `${column}::text`)
}

/**
 * notElementsOfJson tests a json or jsonb value made an array (valueCastSql): a JSON array that is not flat (a
 * nested array or object, an escape an array literal reads otherwise) or that holds an element the target's element
 * type does not take, JSON nulls aside; any other value as the one element it becomes.
 */
function notElementsOfJson(from: ColumnModel, to: ColumnModel, invalid: InvalidInput | undefined, column: string): string {
  const element = { ...to, isArray: false }
  const test = notValueOf(element, invalid, 'json_element')
  const elements = test === undefined ? '' : ` OR EXISTS (SELECT FROM ${from.type}_array_elements_text(${column}) AS json_element WHERE ${test})`
  const alone = notValueOfText(from, element, invalid, `${column}::text`) ?? 'false'
  return `CASE WHEN ${from.type}_typeof(${column}) = 'array' THEN NOT ${isFlatJsonArray(`${column}::text`)}${elements} ELSE ${alone} END`
}

/**
 * notElementsOfLiteral tests text written as an array literal (`{1,2}`) for an element that `test` (of
 * `literal_element`) finds not to be a value of the target's, NULL elements aside. Only a literal of one dimension
 * whose elements are neither quoted nor escaped is split at its commas; any other is counted, as one that may not
 * convert.
 */
function notElementsOfLiteral(text: string, test: string): string {
  const elements = `unnest(string_to_array(btrim(${text}, ' {}'), ',')) AS literal_element`
  return `(${text} !~ ${quoteLiteral(plainArrayLiteralPattern)} OR EXISTS (SELECT FROM ${elements} WHERE upper(trim(literal_element)) <> 'NULL' AND ${test}))`
}

const plainArrayLiteralPattern = '^[[:space:]]*[{][^{}"\\\\]*[}][[:space:]]*$'

/**
 * notValueOfText is the test that a value of `from`'s type, written as `text`, is not a value of `to`'s. A
 * built-in cast converts the value itself, which its text does not tell of (`$12.50` is a money's text);
 * jsonb's casts to numbers and booleans take what its text shows, and a bit string's text is its bits.
 */
function notValueOfText(from: ColumnModel, to: ColumnModel, invalid: InvalidInput | undefined, text: string): string | undefined {
  if (!jsonTypes.has(from.type) && hasBuiltInCast(from, to) && !(bitStringTypes.has(from.type) && bitStringTypes.has(to.type))) return undefined
  return notValueOf(to, invalid, text, from)
}

/** InvalidInput is the test that `text` is no input of `type`'s, where the server has one (pg_input_is_valid, PostgreSQL 16). */
type InvalidInput = (text: string, type: ColumnModel) => string

/**
 * notValueOf is the test that `text` is not a value of `to`'s (scalar) type, for the types it knows (`from`, the
 * column's type now, where the test depends on it), and for the others where the server tests input (`invalid`).
 */
function notValueOf(to: ColumnModel, invalid: InvalidInput | undefined, text: string, from?: ColumnModel): string | undefined {
  switch (to.type) {
    case 'smallint':
    case 'integer':
    case 'bigint': {
      const [min, max] = postgresTypeLimits.integerRanges[to.type]!
      // Read as a number only where it is written as one; NULL stays NULL, counted by no test.
      return `CASE WHEN ${text} !~ ${quoteLiteral(integerPattern)} THEN true ELSE trim(${text})::numeric NOT BETWEEN ${decimalLiteral(min)} AND ${decimalLiteral(max)} END`
    }
    case 'bit':
    case 'varbit':
      return notBitString(to, text)
    case 'numeric':
    case 'real':
    case 'double precision':
      return `${text} !~ ${quoteLiteral(numberPattern)}`
    case 'boolean':
      return `lower(trim(${text})) NOT IN (${booleanWords.map(quoteLiteral).join(', ')})`
    case 'uuid':
      return `translate(lower(trim(${text})), '{}-', '') !~ '^[0-9a-f]{32}$'`
    case 'jsonb':
      // The one json value jsonb refuses: a \u0000 escape (not one whose backslash is itself escaped). Whether
      // text of another type is JSON at all, PostgreSQL 15 has no test for.
      return from?.type === 'json' && from.isArray !== true ? `${text} ~ ${quoteLiteral(unescapedNulPattern)}` : invalid?.(text, to)
    case 'enum':
      return to.enumValues === undefined || to.enumValues.length === 0
        ? undefined
        : `${text} NOT IN (${to.enumValues.map(quoteLiteral).join(', ')})`
    default:
      return invalid?.(text, to)
  }
}

/**
 * notBitString tests that `text` is not a bit string of `to`'s length: binary digits (after an optional `b`) or
 * hexadecimal ones after an `x`, four bits each, as many as a `bit(n)` has (`bit` alone is `bit(1)`), or at most as
 * many as a `varbit(n)` takes (the value is converted through `varbit`, see valueCastSql).
 */
function notBitString(to: ColumnModel, text: string): string {
  const bits = `CASE WHEN ${text} ~ '^[xX]' THEN 4 * (char_length(${text}) - 1) WHEN ${text} ~ '^[bB]' THEN char_length(${text}) - 1 ELSE char_length(${text}) END`
  const length = to.length ?? (to.type === 'bit' ? 1 : undefined)
  const wrongLength = length === undefined ? '' : ` OR ${bits} ${to.type === 'bit' ? '<>' : '>'} ${length}`
  return `(${text} !~ ${quoteLiteral(bitStringPattern)}${wrongLength})`
}

const bitStringPattern = '^([bB]?[01]*|[xX][0-9a-fA-F]*)$'

/**
 * condition is the PostgreSQL test for the rows a probe counts; `column` is quoted. With `inputTests` (PostgreSQL
 * 16 and later), a value made a type the probe has no test of its own for is tested by the server's input function.
 */
function condition(probe: ConditionProbe, column: string, inputTests: boolean): string | undefined {
  switch (probe.kind) {
    case 'non_null': return `${column} IS NOT NULL`
    case 'longer_than': return eachValue(probe, column, (value) => `char_length(${value}::text) > ${probe.length}`)
    case 'out_of_range': return eachValue(probe, column, (value) => {
      const decimals = probe.scale === undefined ? '' : ` OR ${moreDecimals(asNumeric(value, probe), probe.scale)}`
      return `(${outside(probe.fromFloat === true ? asNumeric(value, probe) : value, probe.min, probe.max)}${decimals})`
    })
    case 'more_decimals': return moreDecimals(asNumeric(column, probe), probe.scale)
    case 'holds_values': {
      const values = probe.values.map(quoteLiteral).join(', ')
      return probe.isArray ? `${column}::text[] && ARRAY[${values}]::text[]` : `${column}::text IN (${values})`
    }
    case 'not_convertible': return notConvertible(probe, column, inputTests)
    case 'changed_by_cast': return changedByCast(probe, column)
    // Columns have no charset of their own here, and no type bounded by seconds since 1970.
    case 'loses_characters':
    case 'outside_epoch_range': return undefined
  }
}

/** outside tests a number against the bounds `min` and `max` (decimal numbers written as text). */
function outside(value: string, min: string, max: string): string {
  return `${value} < ${decimalLiteral(min)} OR ${value} > ${decimalLiteral(max)}`
}

/** eachValue is `test` of the column's value, or of an array's: true where one of its elements passes it. */
function eachValue(probe: { readonly isArray?: true }, column: string, test: (value: string) => string): string {
  return probe.isArray === true ? `EXISTS (SELECT FROM unnest(${column}) AS element WHERE ${test('element')})` : test(column)
}

/**
 * changedByCast tests the values a cast to `probe.to` changes. Numbers are compared as the exact numbers their text
 * reads as (arrays of them element by element): a float written as text gives its shortest exact form (0.1 stays
 * 0.1), which a comparison in the float's binary value would not (a numeric or a double compared with a real is
 * compared as a double), and arrays of two number types have no comparison. Money, written with its currency
 * symbol, is read as a number by its cast to numeric. An array of numbers made booleans has no cast to compare
 * with (the migration converts it through text[]): not tested. An array made one of integers holding an element
 * outside their range, which the cast refuses, is counted without casting it.
 */
function changedByCast(probe: Extract<ConditionProbe, { kind: 'changed_by_cast' }>, column: string): string | undefined {
  if (probe.to.type === 'boolean') return undefined
  // Floats made decimals convert through their text, as the migration converts them (see valueCastSql).
  const throughText = floatTypes.has(probe.from.type) && probe.to.type === 'numeric'
  const cast = throughText ? valueCastSql(column, probe.from, probe.to, probe.table) : `${column}::${columnTypeSql(probe.to, probe.table)}`
  const exact = probe.to.isArray === true ? 'numeric[]' : 'numeric'
  if (postgresTypeLimits.roundingTypes?.includes(probe.to.type) === true) return `${column}::text::${exact} IS DISTINCT FROM ${cast}::${exact}`
  if (!numberTypes.has(probe.to.type)) return `${column} IS DISTINCT FROM ${cast}`
  const compared = `${column}::text::${exact} IS DISTINCT FROM ${cast}::text::${exact}`
  // An element outside an integer type's range fails the cast, and with it every count asked beside: counted first.
  const bounds = probe.from.isArray === true && probe.to.isArray === true ? postgresTypeLimits.integerRanges[probe.to.type] : undefined
  if (bounds === undefined) return compared
  const beyond = eachValue({ isArray: true }, column, (value) => `(${outside(value, bounds[0], bounds[1])})`)
  return `CASE WHEN ${beyond} THEN true ELSE ${compared} END`
}

/** syntaxOf is the probes' PostgreSQL, with the server's input tests or without (see condition). */
function syntaxOf(inputTests: boolean): ProbeSyntax {
  return {
    quoteIdent,
    tableSql: qualified,
    condition: (probe, column) => condition(probe, column, inputTests),
    // As text: json and some other types have no equality.
    differ: (a, b) => `${a}::text <> ${b}::text`,
    // reltuples is -1 for a table never vacuumed or analyzed; measureWith then reports no estimate.
    estimateSql: (table) => `(SELECT c.reltuples FROM pg_catalog.pg_class c WHERE c.oid = to_regclass(${quoteLiteral(qualified(table))}))`,
  }
}

/** firstProbedRowPostgres selects one row that `probe` counts (see firstRowSql), with the tests every server has. */
export function firstProbedRowPostgres(probe: ConditionProbe): string | undefined {
  return firstRowSql(syntaxOf(false), probe)
}

/** postgresProbeConditionSql is condition for a server of `versionNumber` (server_version_num), for its tests. */
export function postgresProbeConditionSql(probe: ConditionProbe, column: string, versionNumber: number): string | undefined {
  return condition(probe, column, testsInput(versionNumber))
}

const testsInput = (versionNumber: number) => versionNumber >= 160000

/** measurePostgres answers probes in a few queries (see measureWith) through the read-only session; row counts come with the planner's estimate. */
export async function measurePostgres(
  connection: DatabaseConnection,
  probes: readonly Probe[],
  options: ProbeOptions,
): Promise<(ProbeResult | undefined)[]> {
  const converts = probes.some((probe) => probe.kind === 'not_convertible')
  const [row] = converts ? await connection.query<{ version: number }>("SELECT current_setting('server_version_num')::int AS version") : []
  return measureWith(syntaxOf(row !== undefined && testsInput(Number(row.version))), connection, probes, options)
}

const moreDecimals = (number: string, scale: number) => `${number} <> round(${number}, ${scale})`

/**
 * asNumeric is a number as the exact decimal it stands for: a float through its text (its shortest exact form),
 * as its cast to numeric keeps 6 significant digits of a real, 15 of a double (123.45679 read as 123.457).
 */
function asNumeric(value: string, probe: { readonly fromFloat?: true }): string {
  return `${value}::${probe.fromFloat === true ? 'text::' : ''}numeric`
}
