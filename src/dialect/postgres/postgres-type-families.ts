import type { TypeLimits } from '../dialect'

/** postgresTypeFamilies group PostgreSQL's canonical types that hold the same kind of value. */
export const postgresTypeFamilies: readonly (readonly string[])[] = [
  ['smallint', 'integer', 'bigint'],
  ['char', 'varchar', 'text', 'citext'],
  ['real', 'double precision'],
  ['timestamp', 'timestamptz'],
  ['json', 'jsonb'],
]

/** postgresTypeLimits are the bounds of PostgreSQL's canonical types. */
export const postgresTypeLimits: TypeLimits = {
  lengthTypes: ['varchar', 'char', 'varbit', 'bit'],
  integerRanges: {
    smallint: ['-32768', '32767'],
    integer: ['-2147483648', '2147483647'],
    bigint: ['-9223372036854775808', '9223372036854775807'],
    // An integer cast to boolean is true for anything but 0: only 0 and 1 come back as they were.
    boolean: ['0', '1'],
  },
  decimalTypes: ['numeric'],
  floatTypes: ['real', 'double precision'],
  roundingTypes: ['money'],
  momentTypes: ['date', 'time', 'timetz', 'timestamp', 'timestamptz'],
  zonedTypes: ['timestamptz', 'timetz'],
  zonedCounterparts: { timestamptz: 'timestamp', timetz: 'time' },
  zoneConversion: { setUtc: "SET TIME ZONE 'UTC'", byHand: 'AT TIME ZONE' },
}
