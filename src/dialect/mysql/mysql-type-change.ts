import type { ColumnModel, TableModel } from '../../model/schema-model'
import type { TypeChange } from '../dialect'
import { bytesPerCharacter } from './mysql-character-bytes'
import { lobBytes } from './mysql-lob-bytes'
import { baseOf, mysqlBinaryTypes } from './mysql-types'
import { mysqlStringTypes } from './mysql-type-families'

const integerBytes: Readonly<Record<string, number>> = { tinyint: 1, smallint: 2, mediumint: 3, int: 4, bigint: 8 }
const timeTypes: ReadonlySet<string> = new Set(['datetime', 'timestamp', 'time'])
const fractionalTypes: ReadonlySet<string> = new Set(['decimal', 'float', 'double'])
const numberTypes: ReadonlySet<string> = new Set([...Object.keys(integerBytes), ...fractionalTypes])
/** Types whose values are text to a conversion: a number, a date or a time is parsed out of them. */
const textValueTypes: ReadonlySet<string> = new Set([...mysqlStringTypes, 'enum', 'set', 'uuid'])
/** Types MariaDB converts uuid values to and from; it refuses every other ("Cannot cast 'uuid' as 'bigint'"), rows or none. */
const uuidConvertibleTypes: ReadonlySet<string> = new Set([...mysqlStringTypes, ...mysqlBinaryTypes, 'enum', 'set', 'json', 'uuid'])

/**
 * classifyMysqlTypeChange says what `ALTER TABLE ... MODIFY COLUMN` does to the stored values. MySQL copies
 * the table for nearly every type change (`rewrite`); it changes in place (`safe`) only an integer's display width, a longer varchar
 * or varbinary whose length prefix keeps its size (up to 255 bytes, or past it on both sides: in bytes of the
 * column's charset, or where it names none of `table`'s, the table holding it; see keepsLengthPrefix) and an
 * enum or set that gains labels at the end. Fewer characters, digits, bytes or fractional seconds, a smaller integer range (signed to unsigned
 * included, and a signed number to an unsigned decimal, float or double), datetime to timestamp and a number to a year are `narrowing` (truncated outside strict mode, rejected in it);
 * parsing text (a uuid's included) into another kind of value, or dropping enum labels, is `cast_may_fail`.
 * An ENUM is stored as its label's position, and converts to and from numbers by it: `label_positions`; a SET
 * as one bit per label, and converts to and from numbers as that bit mask: `label_bits`.
 */
export function classifyMysqlTypeChange(from: ColumnModel, to: ColumnModel, table?: Pick<TableModel, 'charset'>): TypeChange {
  const [source, target] = [baseOf(from.type), baseOf(to.type)]
  if ((numberTypes.has(source) && target === 'enum') || (source === 'enum' && numberTypes.has(target))) return 'label_positions'
  if ((numberTypes.has(source) && target === 'set') || (source === 'set' && numberTypes.has(target))) return 'label_bits'
  if (target === 'enum' || target === 'set') return toLabels(from, to, source === target)
  if (losesSign(from, to)) return 'narrowing'
  // An integer's parameter is a display width (`tinyint(1)`): it changes no stored value.
  if (from.type === to.type && source in integerBytes) return 'safe'
  if (source === target && !(source in integerBytes)) return sameType(source, from, to, table?.charset)
  if (target in integerBytes) return toInteger(source, from, to)
  if (mysqlStringTypes.has(target)) return toString(source, from, to)
  if (mysqlBinaryTypes.has(target)) {
    return byCapacity(mysqlBinaryTypes.has(source) ? capacity(source, from) : textBytes(source, from, table?.charset), capacity(target, to))
  }
  if (textValueTypes.has(source) || mysqlBinaryTypes.has(source) || source === 'json') return 'cast_may_fail'
  // A year keeps 0 and 1901..2155 as they are; it reads 1..99 as 2001..2069 and 1970..1999, and refuses the rest.
  if (target === 'year') return numberTypes.has(source) ? 'narrowing' : 'cast_may_fail'
  if (target === 'decimal') return source in integerBytes ? ((to.precision ?? 10) - (to.scale ?? 0) >= digits(from) ? 'rewrite' : 'narrowing') : 'narrowing'
  // A double holds every integer up to 2^53: a bigint's beyond it are rounded.
  if (target === 'double') return (source in integerBytes && source !== 'bigint') || source === 'float' ? 'rewrite' : 'narrowing'
  if (target === 'float') return 'narrowing'
  if (target === 'datetime') return source === 'date' || source === 'timestamp' ? precisionKept(from, to) : 'cast_may_fail'
  if (target === 'timestamp') return source === 'datetime' || source === 'date' ? 'narrowing' : 'cast_may_fail'
  if (target === 'date') return source === 'datetime' || source === 'timestamp' ? 'narrowing' : 'cast_may_fail'
  // json, uuid, spatial and the rest parse their values.
  return 'cast_may_fail'
}

/**
 * losesSign: a signed number made an unsigned decimal, float or double, which refuses the negative values (outside
 * strict mode, writes 0 for them). Integer targets weigh their range as a whole (see toInteger).
 */
export function losesSign(from: ColumnModel, to: ColumnModel): boolean {
  return fractionalTypes.has(baseOf(to.type)) && numberTypes.has(baseOf(from.type)) &&
    to.type.includes('unsigned') && !from.type.includes('unsigned')
}

/**
 * conversionStep is the column a change goes through first where the server would not convert the values
 * faithfully itself, as nullable as `from`. A varchar wide enough for either side's text form: between MariaDB's
 * uuid and a type it does not convert uuid values to or from (numbers, dates and times, bit, year, inet6), which it
 * refuses; from a bit to a TEXT, a BLOB or a binary, which would take the bit's raw bytes (`b'1'` the byte 0x01,
 * which the down's bit refuses: "Truncated incorrect INTEGER value"), where a varchar takes its number (`'1'`),
 * and a bit takes the number back. A decimal(20,0) from text to a bigint unsigned: MariaDB parses the text as a
 * signed number and refuses one past 2^63 - 1 ("Truncated incorrect INTEGER value: '18446744073709551615'"), where
 * a decimal takes it whole and gives it to the bigint unsigned as it is (the guards have checked that every value is
 * a whole number in its range). Undefined when the change needs no step; a generated column's values are computed
 * again, not converted: the server changes it at once.
 */
export function conversionStep(from: ColumnModel, to: ColumnModel): ColumnModel | undefined {
  if (from.computed !== undefined || to.computed !== undefined) return undefined
  const [source, target] = [baseOf(from.type), baseOf(to.type)]
  if (mysqlStringTypes.has(source) && target === 'bigint' && to.type.includes('unsigned')) {
    return { name: to.name, type: 'decimal', precision: 20, scale: 0, nullable: from.nullable }
  }
  const bitAsBytes = source === 'bit' && (target in lobBytes || target === 'binary')
  if (!bitAsBytes && !needsUuidStep(source, target)) return undefined
  const longest = Math.max(longestText(source, from), longestText(target, to))
  return { name: to.name, type: 'varchar', length: Number.isFinite(longest) ? longest : 255, nullable: from.nullable }
}

function needsUuidStep(source: string, target: string): boolean {
  if (source !== 'uuid' && target !== 'uuid') return false
  return !uuidConvertibleTypes.has(source === 'uuid' ? target : source)
}

function sameType(type: string, from: ColumnModel, to: ColumnModel, tableCharset: string | undefined): TypeChange {
  if (type === 'varchar' || type === 'varbinary') {
    const [a, b] = [from.length ?? 0, to.length ?? 0]
    if (b < a) return 'narrowing'
    return keepsLengthPrefix(a, b, type === 'varbinary' ? 1 : bytesPerCharacter(to.charset ?? from.charset ?? tableCharset)) ? 'safe' : 'rewrite'
  }
  if (type === 'char' || type === 'binary' || type === 'bit') return (to.length ?? 1) >= (from.length ?? 1) ? 'rewrite' : 'narrowing'
  if (type === 'decimal') {
    const [fromScale, toScale] = [from.scale ?? 0, to.scale ?? 0]
    const wholeDigits = (c: ColumnModel, scale: number) => (c.precision ?? 10) - scale
    return toScale < fromScale || wholeDigits(to, toScale) < wholeDigits(from, fromScale) ? 'narrowing' : 'rewrite'
  }
  if (type === 'float' || type === 'double') return (to.precision ?? 53) >= (from.precision ?? 53) && (to.scale ?? 30) >= (from.scale ?? 30) ? 'rewrite' : 'narrowing'
  if (timeTypes.has(type)) return precisionKept(from, to)
  if (from.type !== to.type) return from.type.includes('unsigned') === to.type.includes('unsigned') ? 'rewrite' : 'narrowing'
  return 'rewrite'
}

/**
 * keepsLengthPrefix: a varchar of `a` and of `b` characters store their values' lengths in as many bytes, one up
 * to 255 bytes and two past it. Where the charset is not known (no table at hand), only what holds
 * for every charset, one to four bytes a character, is: up to 63 characters on both sides, or past 255.
 */
function keepsLengthPrefix(a: number, b: number, bytes: number | undefined): boolean {
  if (bytes !== undefined) return (a * bytes <= 255) === (b * bytes <= 255)
  return (a <= 63 && b <= 63) || (a > 255 && b > 255)
}

/** toLabels: labels added at the end change nothing stored (INSTANT); any other change of labels may lose values. */
function toLabels(from: ColumnModel, to: ColumnModel, sameKind: boolean): TypeChange {
  const [before, after] = [from.enumValues ?? [], to.enumValues ?? []]
  if (!sameKind) return 'cast_may_fail'
  if (before.every((label, i) => after[i] === label)) return after.length === before.length ? 'rewrite' : 'safe'
  return before.every((label) => after.includes(label)) ? 'rewrite' : 'cast_may_fail'
}

function toInteger(source: string, from: ColumnModel, to: ColumnModel): TypeChange {
  const target = baseOf(to.type)
  if (source === 'year') return integerBytes[target]! >= integerBytes.smallint! ? 'rewrite' : 'narrowing'
  // Numbers, dates, times and bits are numbers to a conversion; anything else is parsed (`'vb'`, a JSON document).
  if (!(source in integerBytes)) return fractionalTypes.has(source) || timeTypes.has(source) || source === 'date' || source === 'bit' ? 'narrowing' : 'cast_may_fail'
  const [fromUnsigned, toUnsigned] = [from.type.includes('unsigned'), to.type.includes('unsigned')]
  if (fromUnsigned !== toUnsigned) {
    if (!toUnsigned && integerBytes[target]! > integerBytes[source]!) return 'rewrite'
    return 'narrowing'
  }
  return integerBytes[target]! >= integerBytes[source]! ? 'rewrite' : 'narrowing'
}

function toString(source: string, from: ColumnModel, to: ColumnModel): TypeChange {
  const target = baseOf(to.type)
  const room = capacity(target, to)
  if (mysqlStringTypes.has(source)) return byCapacity(capacity(source, from), room)
  // Every other value has a text form, as long as longestText says.
  return longestText(source, from) <= room ? 'rewrite' : 'narrowing'
}

/**
 * textBytes is the most bytes a value of `column` takes as text, as a binary or varbinary stores it: a string's
 * characters in its charset's bytes (four where it is not known), any other value's text is ASCII.
 */
function textBytes(type: string, column: ColumnModel, tableCharset: string | undefined): number {
  if (type in lobBytes) return lobBytes[type]!
  // MariaDB stores a uuid as its 16 bytes.
  if (type === 'uuid') return 16
  const characters = mysqlStringTypes.has(type) ? capacity(type, column) : longestText(type, column)
  const perCharacter = mysqlStringTypes.has(type) || type === 'enum' || type === 'set' ? bytesPerCharacter(column.charset ?? tableCharset) ?? 4 : 1
  return characters * perCharacter
}

/** longestText is the most characters a value of `column` takes as text (Infinity where unknown). */
function longestText(type: string, column: ColumnModel): number {
  const labels = column.enumValues ?? []
  if (type === 'enum') return Math.max(0, ...labels.map((l) => l.length))
  if (type === 'set') return labels.join(',').length
  if (type in integerBytes) return 20
  if (type === 'decimal') return (column.precision ?? 10) + 2
  if (type === 'year') return 4
  // A float's or double's text: '-2.2250738585072014e-308'.
  if (type === 'float' || type === 'double') return 24
  if (type === 'bit') return String(2n ** BigInt(column.length ?? 1) - 1n).length
  if (timeTypes.has(type) || type === 'date') return 26
  // MariaDB keeps a JSON document in a longtext; MySQL's max_allowed_packet (1 GB at most) bounds it below that.
  if (type === 'json') return lobBytes.longtext!
  return type === 'uuid' ? 36 : Infinity
}

function capacity(type: string, column: ColumnModel): number {
  return lobBytes[type] ?? column.length ?? (type === 'char' || type === 'binary' ? 1 : Infinity)
}

function byCapacity(from: number, to: number): TypeChange {
  return to >= from ? 'rewrite' : 'narrowing'
}

function precisionKept(from: ColumnModel, to: ColumnModel): TypeChange {
  return (to.precision ?? 0) >= (from.precision ?? 0) ? 'rewrite' : 'narrowing'
}

function digits(column: ColumnModel): number {
  return String(2 ** (8 * integerBytes[baseOf(column.type)]!)).length
}
