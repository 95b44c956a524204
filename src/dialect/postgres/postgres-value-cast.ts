import type { ColumnModel, QualifiedName } from '../../model/schema-model'
import { quoteLiteral } from '../quote'
import { bitStringTypes, castBridge, castsDirectly, floatTypes, hasBuiltInCast, jsonTypes, stringTypes, zeroTestedTypes } from './postgres-casts'
import { columnTypeSql } from './postgres-column-sql'
import { fitsBitString } from './postgres-type-change'

/**
 * valueCastSql converts `value` (an SQL expression) from `from`'s type to `to`'s, for `ALTER COLUMN ... TYPE
 * ... USING` and for a copy into another column. A boolean becomes a number through integer (castBridge), a number
 * a boolean as integer's cast makes one (a test against 0, see zeroTestedTypes). Enums, and types PostgreSQL has no
 * cast between (`integer` to `uuid`), go through their text form, which every type casts to and from: an empty column converts, and
 * a value that does not parse fails the statement inside the migration's transaction (TYPE_CAST_MAY_FAIL
 * counts such rows). A character or bit string type is cast to without its length: an explicit cast to
 * `varchar(16)` or `bit(4)` cuts longer values silently, where the column's own (assignment) conversion of
 * the result refuses them.
 *
 * A value becomes the UTF-8 bytes of its text and bytes the value of their UTF-8 text (`convert_to`, `convert_from`),
 * not through bytea's text form, which reads a backslash as an escape (`\x41` is the byte A) and writes bytes as hex
 * (`\x4142`): a value taken into bytes came back in `down` as that hex, or failed (`1.5` as numeric). Bytes that are
 * no UTF-8, or not the text of a value of the type, fail the statement.
 *
 * A value becomes the one element of an array (NULL stays NULL), and an array of one element becomes that
 * element. Any other array keeps its text form (`{a,b}`, `{}`), which a text column takes and other types
 * refuse: no element is dropped silently. Text written as an array literal, as such a text form is, becomes
 * that array again, so that an array taken into text comes back whole (`{a,b}`, `{}`), and so does a value
 * taken into an array.
 */
export function valueCastSql(value: string, from: ColumnModel, to: ColumnModel, table: QualifiedName): string {
  if (Boolean(from.isArray) === Boolean(to.isArray)) return castSql(value, from, to, table)
  if (from.isArray && jsonTypes.has(to.type)) return `to_${to.type}(${value})`
  if (to.isArray) {
    const wrapped = `ARRAY[${castSql(value, from, elementOf(to), table)}]`
    if (jsonTypes.has(from.type)) {
      const elements = `${jsonArrayAsArrayLiteral(value)}::${castTargetSql(from, to, table)}`
      return `CASE WHEN ${value} IS NULL THEN NULL WHEN ${from.type}_typeof(${value}) = 'array' THEN ${elements} ELSE ${wrapped} END`
    }
    if (!stringTypes.has(from.type)) return `CASE WHEN ${value} IS NULL THEN NULL ELSE ${wrapped} END`
    return `CASE WHEN ${value} IS NULL THEN NULL WHEN ${isArrayLiteral(value)} THEN ${value}::text::${castTargetSql(from, to, table)} ELSE ${wrapped} END`
  }
  const element = castSql(`(${value})[1]`, elementOf(from), to, table)
  return `CASE WHEN ${singleElement(value)} THEN ${element} ELSE ${value}::text::${castTargetSql(from, to, table)} END`
}

/**
 * jsonArrayAsArrayLiteral writes a JSON array's text (`["a", "b", 1, null]`) as the array literal of its
 * elements (`{"a", "b", 1, null}`): the two agree on quoted strings, `\"` and `\\`, bare numbers, `true`,
 * `false` and `null`. Any other array is left as JSON, which no array type accepts, so the migration fails
 * rather than change a value: one with another escape (`\n`, `\u00e9`), which an array literal would read as
 * another character, or with a nested array or object, whose brackets an array literal reads as characters of
 * bare elements (`[[1, 2]]` would be the two texts `[1` and `2]`). (`USING` takes no subquery, so the elements
 * cannot be unnested.)
 */
function jsonArrayAsArrayLiteral(value: string): string {
  const text = `${value}::text`
  return `CASE WHEN ${isFlatJsonArray(text)} THEN regexp_replace(${text}, ${quoteLiteral('^[[:space:]]*\\[(.*)\\][[:space:]]*$')}, '{\\1}') ELSE ${text} END`
}

/** isFlatJsonArray tests that JSON text is an array that jsonArrayAsArrayLiteral writes as an array literal. */
export function isFlatJsonArray(text: string): string {
  return `${text} ~ ${quoteLiteral(flatJsonArrayPattern)}`
}

const jsonElementPattern = '("([^"\\\\]|\\\\["\\\\])*"|[^][{}",[:space:]]+)'
const flatJsonArrayPattern =
  `^[[:space:]]*\\[[[:space:]]*(${jsonElementPattern}([[:space:]]*,[[:space:]]*${jsonElementPattern})*)?[[:space:]]*\\][[:space:]]*$`

/** isArrayLiteral tests that text is written as an array literal (`{a,b}`, `{}`): braces around it. */
export function isArrayLiteral(text: string): string {
  return `${text} ~ ${quoteLiteral(arrayLiteralPattern)}`
}

const arrayLiteralPattern = '^[[:space:]]*[{].*[}][[:space:]]*$'

/** singleElement tests that an array holds one element, in one dimension. */
export function singleElement(value: string): string {
  return `cardinality(${value}) = 1 AND array_ndims(${value}) = 1`
}

const elementOf = (column: ColumnModel): ColumnModel => ({ ...column, isArray: false })

function castSql(value: string, from: ColumnModel, to: ColumnModel, table: QualifiedName): string {
  const type = castTargetSql(from, to, table)
  if (!from.isArray && to.type === 'bytea' && from.type !== 'bytea') return `convert_to(${stringTypes.has(from.type) ? value : `${value}::text`}, 'UTF8')`
  if (!from.isArray && from.type === 'bytea' && to.type !== 'bytea') {
    const text = `convert_from(${value}, 'UTF8')`
    return stringTypes.has(to.type) ? text : `${text}::${type}`
  }
  // inet's cast to text always writes the netmask (`10.0.0.1/32`); abbrev writes what the column shows (`10.0.0.1`).
  if (!from.isArray && from.type === 'inet' && stringTypes.has(to.type)) return `abbrev(${value})::${type}`
  if (to.type === 'boolean' && !from.isArray && zeroTestedTypes.has(from.type)) return `(${value} <> 0)`
  const bridge = castBridge(from, to)
  if (bridge !== undefined) return `${value}::${bridge}${from.isArray ? '[]' : ''}::${type}`
  // A float's own cast to numeric keeps 6 significant digits of a real, 15 of a double (the real 16777216 became
  // 16777200); its text is its shortest exact form.
  if (floatTypes.has(from.type) && to.type === 'numeric') return `${value}::${from.isArray ? 'text[]' : 'text'}::${type}`
  // A char's own cast to another type reads it with its padding (`'10.0.0.1   '` is no inet); its text has none.
  const padded = from.type === 'char' && !stringTypes.has(to.type)
  if (from.type !== 'enum' && to.type !== 'enum' && !padded && castsDirectly(from, to)) return `${value}::${type}`
  return `${value}::${from.isArray ? 'text[]' : 'text'}::${type}`
}

function castTargetSql(from: ColumnModel, to: ColumnModel, table: QualifiedName): string {
  return unboundedCharacterType(to) ?? unboundedBitStringType(from, to) ?? columnTypeSql(to, table)
}

/** unboundedCharacterType is a varchar's or char's type with no length (`bpchar` is char's: plain `char` is char(1)). */
function unboundedCharacterType(column: ColumnModel): string | undefined {
  const base = column.type === 'varchar' ? 'varchar' : column.type === 'char' ? 'bpchar' : undefined
  return base === undefined ? undefined : `${base}${column.isArray === true ? '[]' : ''}`
}

/**
 * unboundedBitStringType is `varbit` for a value becoming a bit string that may be shorter, or of another type:
 * assigned to `bit(n)`, a value of another length is refused, to `varbit(n)` a longer one, where an explicit cast
 * to `bit(n)` or `varbit(n)` pads or cuts it silently (`'101'::text::bit(8)` is 10100000). Where every value of a
 * bit string fits a `bit(n)`, the explicit cast stays: it pads the shorter ones with zeros on the right. So does an
 * integer's own cast.
 */
function unboundedBitStringType(from: ColumnModel, to: ColumnModel): string | undefined {
  if (!bitStringTypes.has(to.type)) return undefined
  if (bitStringTypes.has(from.type) && to.type === 'bit' && fitsBitString(from, to)) return undefined
  // An integer has a cast of its own to `bit(n)` (its lowest n bits), none to varbit.
  if (!bitStringTypes.has(from.type) && hasBuiltInCast(from, to)) return undefined
  return `varbit${to.isArray === true ? '[]' : ''}`
}
