import type { TypeLimits } from '../dialect'
import { lobBytes } from './mysql-lob-bytes'

/** integerTypes are MySQL's integer types, by their base name (without `unsigned` or `zerofill`). */
export const integerTypes: ReadonlySet<string> = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'bigint'])

/** mysqlStringTypes are MySQL's types of character strings, which have a charset and a collation. */
export const mysqlStringTypes: ReadonlySet<string> = new Set(['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext'])

/** mysqlSpatialTypes are MySQL's geometry types. */
export const mysqlSpatialTypes: ReadonlySet<string> = new Set([
  'geometry', 'point', 'linestring', 'polygon', 'multipoint', 'multilinestring', 'multipolygon', 'geometrycollection',
])

/** mysqlTypeFamilies group MySQL's canonical types that hold the same kind of value. */
export const mysqlTypeFamilies: readonly (readonly string[])[] = [
  [...integerTypes].flatMap((t) => [t, `${t} unsigned`, `${t} unsigned zerofill`]),
  [...mysqlStringTypes],
  ['binary', 'varbinary', 'tinyblob', 'blob', 'mediumblob', 'longblob'],
  ['float', 'double', 'decimal'],
  ['datetime', 'timestamp'],
  ['enum', 'set'],
  [...mysqlSpatialTypes],
]

const signed: Readonly<Record<string, readonly [string, string]>> = {
  tinyint: ['-128', '127'],
  smallint: ['-32768', '32767'],
  mediumint: ['-8388608', '8388607'],
  int: ['-2147483648', '2147483647'],
  bigint: ['-9223372036854775808', '9223372036854775807'],
}
const unsigned: Readonly<Record<string, readonly [string, string]>> = {
  'tinyint unsigned': ['0', '255'],
  'smallint unsigned': ['0', '65535'],
  'mediumint unsigned': ['0', '16777215'],
  'int unsigned': ['0', '4294967295'],
  'bigint unsigned': ['0', '18446744073709551615'],
}

/** mysqlTypeLimits are the bounds of MySQL's canonical types, unsigned (and zerofill, which is unsigned) integers included. */
export const mysqlTypeLimits: TypeLimits = {
  lengthTypes: ['char', 'varchar', 'binary', 'varbinary', 'bit'],
  // Zero bytes, which a binary made shorter loses first (see paddedBinaryNarrowing).
  paddedTypes: ['binary'],
  byteCountedTypes: ['binary', 'varbinary'],
  byteLengths: lobBytes,
  integerRanges: {
    ...signed,
    ...unsigned,
    ...Object.fromEntries(Object.entries(unsigned).map(([type, range]) => [`${type} zerofill`, range])),
  },
  decimalTypes: ['decimal', 'decimal unsigned', 'decimal unsigned zerofill'],
  unsignedDecimalTypes: ['decimal unsigned', 'decimal unsigned zerofill'],
  floatTypes: ['float', 'double', 'float unsigned', 'double unsigned'],
  // MySQL 8 and MariaDB before 11.5 take 2038-01-19 03:14:07.999999 UTC at most.
  epochRanges: { timestamp: ['1', '2147483647.999999'] },
  momentTypes: ['date', 'datetime', 'timestamp', 'time'],
  // A TIMESTAMP is kept in UTC and converted from and to the session's time_zone.
  zonedTypes: ['timestamp'],
  // An offset, not 'UTC': a named zone needs the time zone tables, which a server may not have loaded.
  zoneConversion: { setUtc: "SET time_zone = '+00:00'", byHand: 'CONVERT_TZ' },
}
