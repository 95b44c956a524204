import type { DatabaseConnection } from '../dialect'
import type { Probe, ProbeOptions, ProbeResult } from '../probe'
import { type ConditionProbe, type ProbeSyntax, decimalLiteral, firstRowSql, measureWith } from '../probe-query'
import { quoteLiteral } from '../quote'
import { type Affinity, affinityOf } from './sqlite-type-change'
import { quoteIdent } from './sqlite-quote'

/** Date and time types, of NUMERIC affinity, whose values SQLite and TypeORM keep as text. */
const dateTimeTypes = /^(date|datetime|time|timestamp)\b/i
/** TypeORM's `json`, of NUMERIC affinity too, whose values it writes and reads as JSON text. */
const jsonType = /^json$/i

const isNumber = (column: string) => `typeof(${column}) IN ('integer', 'real')`
const moreDecimals = (column: string, scale: number) => `${column} <> round(${column}, ${scale})`

/** condition is the SQLite test for the rows a probe counts; `column` is quoted. */
function condition(probe: ConditionProbe, column: string): string | undefined {
  switch (probe.kind) {
    case 'non_null': return `${column} IS NOT NULL`
    case 'longer_than': return `length(${column}) > ${probe.length}`
    case 'out_of_range': {
      const decimals = probe.scale === undefined ? '' : ` OR ${moreDecimals(column, probe.scale)}`
      return `${isNumber(column)} AND (${column} < ${decimalLiteral(probe.min)} OR ${column} > ${decimalLiteral(probe.max)}${decimals})`
    }
    case 'more_decimals': return `${isNumber(column)} AND ${moreDecimals(column, probe.scale)}`
    case 'holds_values': return probe.isArray ? undefined : `${column} IN (${probe.values.map(quoteLiteral).join(', ')})`
    case 'not_convertible': {
      if (probe.to.enumValues !== undefined) return `${column} NOT IN (${probe.to.enumValues.map(quoteLiteral).join(', ')})`
      const affinity = affinityOf(probe.to.type)
      if (affinity === 'TEXT' || affinity === 'BLOB') return undefined
      // A value that is not a number stays text, as a JSON text must: the ones TypeORM cannot read are not JSON.
      if (jsonType.test(probe.to.type)) return `json_valid(${column}) = 0`
      // Text is converted to a number when it is a well-formed numeric literal; this tells most of them apart.
      const text = `trim(${column})`
      const numeric = numericLiteral(text)
      // A date or time is text ('2024-05-01 12:00:00', as TypeORM writes it), kept as it is: a number is not one
      // (its minus signs follow no digit, a date's do).
      if (dateTimeTypes.test(probe.to.type)) {
        return `(typeof(${column}) = 'text' AND (datetime(${column}) IS NULL OR (${numeric} AND ${text} NOT GLOB '*[0-9]-*')))`
      }
      const unparsed = `(typeof(${column}) = 'text' AND NOT ${numeric})`
      // Towards INTEGER, a REAL with a fraction stays a REAL, and so does a text read as one (a fraction, or beyond 64 bits).
      const realText = `(typeof(${column}) = 'text' AND ${numeric} AND typeof(CAST(${text} AS NUMERIC)) = 'real')`
      return affinity === 'INTEGER'
        ? `(${unparsed} OR ${realText} OR (typeof(${column}) = 'real' AND ${column} <> CAST(${column} AS INTEGER)))`
        : unparsed
    }
    // Columns have no charset of their own here, and no type bounded by seconds since 1970.
    case 'loses_characters':
    case 'outside_epoch_range': return undefined
    case 'changed_by_cast': {
      const affinity = affinityOf(probe.to.type)
      if (affinity === 'TEXT' || affinity === 'BLOB') return undefined
      // An integer a REAL does not hold exactly (compared exactly).
      const integers = affinity === 'REAL' ? `(typeof(${column}) = 'integer' AND CAST(${column} AS REAL) <> ${column}) OR ` : ''
      return `(${integers}${roundedText(column, affinity)})`
    }
  }
}

/**
 * roundedText is the test for a text value the column's conversion to a number of `affinity` rounds: a numeric
 * literal (SQLite trims it first) is stored as a float, whose 15 significant digits are all SQLite keeps of it
 * (type affinity), unless it is an integer an INTEGER holds; one beyond a
 * float's range becomes infinity, one too small for it 0. Of 16 or 17 digits, a few a float holds are counted.
 */
function roundedText(column: string, affinity: Affinity): string {
  const text = `trim(${column})`
  const mantissa = `CASE WHEN instr(upper(${text}), 'E') > 0 THEN substr(${text}, 1, instr(upper(${text}), 'E') - 1) ELSE ${text} END`
  const significant = `rtrim(ltrim(replace(replace(replace(${mantissa}, '-', ''), '+', ''), '.', ''), '0'), '0')`
  const heldAsInteger = affinity === 'REAL' ? '' : ` AND NOT (${text} NOT GLOB '*[^0-9+-]*' AND typeof(CAST(${text} AS NUMERIC)) = 'integer')`
  const float = `CAST(${text} AS REAL)`
  return `(typeof(${column}) = 'text' AND ${numericLiteral(text)} AND ` +
    `((length(${significant}) > 15${heldAsInteger}) OR abs(${float}) > 1.7976931348623157e308 OR (${float} = 0 AND ${significant} <> '')))`
}

/** numericLiteral tells most of the texts SQLite converts to a number (well-formed numeric literals) apart from the rest. */
const numericLiteral = (text: string) => `(${text} GLOB '*[0-9]*' AND ${text} NOT GLOB '*[^0-9.eE+-]*')`

const syntax: ProbeSyntax = {
  quoteIdent,
  tableSql: (table) => quoteIdent(table.name),
  condition,
  // Byte for byte: a column declared COLLATE NOCASE finds 'Ann' and 'ann' equal.
  differ: (a, b) => `${a} <> ${b} COLLATE BINARY`,
}

/** firstProbedRowSqlite selects one row that `probe` counts (see firstRowSql). */
export function firstProbedRowSqlite(probe: ConditionProbe): string | undefined {
  return firstRowSql(syntax, probe)
}

/** measureSqlite answers probes in a few queries (see measureWith) over the read-only connection (SQLite keeps no row estimate). */
export function measureSqlite(
  connection: DatabaseConnection,
  probes: readonly Probe[],
  options: ProbeOptions,
): Promise<(ProbeResult | undefined)[]> {
  return measureWith(syntax, connection, probes, options)
}
