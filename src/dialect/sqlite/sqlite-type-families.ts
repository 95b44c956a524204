import type { TypeLimits } from '../dialect'

/**
 * sqliteTypeFamilies group the type names TypeORM declares on SQLite (kept as written, lower case) that hold
 * the same kind of value.
 */
export const sqliteTypeFamilies: readonly (readonly string[])[] = [
  ['tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint', 'int2', 'int8', 'unsigned big int'],
  ['character', 'varchar', 'character varying', 'varying character', 'nchar', 'native character', 'nvarchar', 'text', 'clob'],
  ['numeric', 'decimal'],
  ['real', 'double', 'double precision', 'float'],
  ['datetime', 'timestamp'],
]

/**
 * sqliteTypeLimits: SQLite enforces no length or precision and stores any integer in 8 bytes, so only
 * TypeORM's declared integer types bound values, and only where a CHECK would (never): no limits. Its REAL
 * types store 8-byte floats, which round the integers beyond 2^53 an INTEGER or NUMERIC type holds.
 */
export const sqliteTypeLimits: TypeLimits = {
  lengthTypes: [],
  integerRanges: {},
  decimalTypes: [],
  floatTypes: sqliteTypeFamilies[3],
  unboundedNumberTypes: [...sqliteTypeFamilies[0]!, ...sqliteTypeFamilies[2]!],
  looseTextTypes: sqliteTypeFamilies[1],
}
