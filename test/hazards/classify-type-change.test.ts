import type { TypeChange } from '../../src/dialect/dialect'
import { postgresDialect } from '../../src/dialect/postgres/postgres-dialect'
import { sqliteDialect } from '../../src/dialect/sqlite/sqlite-dialect'
import { affinityOf } from '../../src/dialect/sqlite/sqlite-type-change'
import type { ColumnModel } from '../../src/model/schema-model'

const c = (type: string, extra: Partial<ColumnModel> = {}): ColumnModel => ({ name: 'c', type, nullable: true, ...extra })

describe('postgres: classifyTypeChange', () => {
  const cases: [ColumnModel, ColumnModel, TypeChange][] = [
    [c('varchar', { length: 50 }), c('varchar', { length: 100 }), 'safe'],
    [c('varchar', { length: 50 }), c('varchar'), 'safe'],
    [c('varchar', { length: 50 }), c('text'), 'safe'],
    [c('numeric', { precision: 10, scale: 2 }), c('numeric', { precision: 12, scale: 2 }), 'safe'],
    [c('timestamp', { precision: 3 }), c('timestamp'), 'safe'],
    [c('integer'), c('bigint'), 'rewrite'],
    [c('integer'), c('numeric', { precision: 12, scale: 2 }), 'rewrite'],
    [c('numeric', { precision: 10, scale: 2 }), c('numeric', { precision: 12, scale: 4 }), 'rewrite'],
    [c('timestamp'), c('timestamptz'), 'rewrite'],
    [c('timestamp', { precision: 3 }), c('timestamptz', { precision: 3 }), 'rewrite'],
    [c('date'), c('timestamptz', { precision: 0 }), 'rewrite'],
    [c('integer'), c('text'), 'rewrite'],
    // A type whose text has a longest form fits a varchar or char that long.
    [c('uuid'), c('varchar', { length: 36 }), 'rewrite'],
    [c('uuid'), c('char', { length: 36 }), 'rewrite'],
    [c('uuid'), c('varchar', { length: 32 }), 'narrowing'],
    [c('integer'), c('varchar', { length: 11 }), 'rewrite'],
    [c('integer'), c('varchar', { length: 10 }), 'narrowing'],
    [c('bigint'), c('varchar', { length: 20 }), 'rewrite'],
    [c('boolean'), c('varchar', { length: 5 }), 'rewrite'],
    [c('boolean'), c('varchar', { length: 4 }), 'narrowing'],
    [c('numeric'), c('varchar', { length: 40 }), 'narrowing'],
    [c('json'), c('jsonb'), 'cast_may_fail'],
    [c('cidr'), c('inet'), 'safe'],
    [c('cidr', { isArray: true }), c('inet', { isArray: true }), 'rewrite'],
    [c('inet'), c('cidr'), 'cast_may_fail'],
    [c('macaddr'), c('macaddr8'), 'rewrite'],
    [c('macaddr8'), c('macaddr'), 'cast_may_fail'],
    [c('varchar', { length: 100 }), c('varchar', { length: 50 }), 'narrowing'],
    [c('text'), c('varchar', { length: 50 }), 'narrowing'],
    [c('bigint'), c('integer'), 'narrowing'],
    [c('numeric', { precision: 10, scale: 2 }), c('numeric', { precision: 8, scale: 2 }), 'narrowing'],
    [c('numeric', { precision: 10, scale: 2 }), c('numeric', { precision: 10, scale: 1 }), 'narrowing'],
    [c('numeric'), c('numeric', { precision: 10, scale: 2 }), 'narrowing'],
    [c('timestamptz'), c('timestamp'), 'narrowing'],
    // Across types too, fewer fractional seconds round the values.
    [c('timestamp'), c('timestamptz', { precision: 3 }), 'narrowing'],
    [c('time', { precision: 6 }), c('timetz', { precision: 0 }), 'narrowing'],
    [c('double precision'), c('integer'), 'narrowing'],
    [c('double precision'), c('numeric', { precision: 10, scale: 2 }), 'narrowing'],
    [c('real'), c('numeric', { precision: 30, scale: 10 }), 'narrowing'],
    [c('double precision'), c('numeric'), 'rewrite'],
    [c('boolean'), c('integer'), 'rewrite'],
    // A boolean reaches the other number types, and smallint and bigint reach it, through integer (castBridge), or by a test against 0.
    [c('boolean'), c('bigint'), 'rewrite'],
    [c('boolean'), c('smallint'), 'rewrite'],
    [c('boolean'), c('real'), 'rewrite'],
    [c('boolean'), c('numeric', { precision: 5, scale: 2 }), 'rewrite'],
    [c('boolean'), c('numeric', { precision: 2, scale: 2 }), 'narrowing'],
    [c('smallint'), c('boolean'), 'narrowing'],
    [c('bigint'), c('boolean'), 'narrowing'],
    [{ ...c('bigint'), isArray: true }, { ...c('boolean'), isArray: true }, 'cast_may_fail'],
    [c('integer'), c('numeric', { precision: 5, scale: 2 }), 'narrowing'],
    [c('text'), c('integer'), 'cast_may_fail'],
    [c('varchar'), c('uuid'), 'cast_may_fail'],
    [c('text'), c('enum', { enumName: 'mood' }), 'cast_may_fail'],
    // A value becomes the one element of an array: classified as the element's change, a rewrite at least.
    [c('integer'), c('integer', { isArray: true }), 'rewrite'],
    [c('integer'), c('smallint', { isArray: true }), 'narrowing'],
    [c('text'), c('integer', { isArray: true }), 'cast_may_fail'],
    [c('integer', { isArray: true }), c('integer'), 'cast_may_fail'],
    // An array made text of no length is its element or its text form, which never fails (but bytes that are no UTF-8).
    [c('varchar', { isArray: true }), c('text'), 'rewrite'],
    [c('integer', { isArray: true }), c('varchar'), 'rewrite'],
    [c('bytea', { isArray: true }), c('text'), 'cast_may_fail'],
    [c('text', { isArray: true }), c('varchar', { length: 10 }), 'cast_may_fail'],
    // An array becomes its JSON array, which never fails; a JSON array's elements may be nested or escaped.
    [c('varchar', { isArray: true }), c('jsonb'), 'rewrite'],
    [c('integer', { isArray: true }), c('json'), 'rewrite'],
    [c('jsonb'), c('varchar', { isArray: true }), 'cast_may_fail'],
    // Bit strings: a value longer than the new length no longer fits (an explicit cast would cut it); a bit(n) refuses a shorter one too.
    [c('bit', { length: 4 }), c('bit', { length: 8 }), 'rewrite'],
    [c('bit', { length: 8 }), c('bit', { length: 4 }), 'narrowing'],
    [c('varbit', { length: 4 }), c('bit', { length: 8 }), 'rewrite'],
    [c('varbit'), c('bit', { length: 8 }), 'cast_may_fail'],
    [c('bit', { length: 8 }), c('varbit', { length: 4 }), 'narrowing'],
    [c('bit', { length: 8 }), c('varbit'), 'rewrite'],
  ]
  it.each(cases)('%j -> %j is %s', (from, to, expected) => {
    expect(postgresDialect.classifyTypeChange(from, to)).toBe(expected)
  })
})

describe('sqlite: classifyTypeChange follows type affinity', () => {
  it('reads affinities as SQLite does', () => {
    expect(['INTEGER', 'BIGINT', 'varchar(20)', 'text', 'BLOB', '', 'double', 'decimal(10,2)', 'datetime', 'boolean'].map(affinityOf))
      .toEqual(['INTEGER', 'INTEGER', 'TEXT', 'TEXT', 'BLOB', 'BLOB', 'REAL', 'NUMERIC', 'NUMERIC', 'NUMERIC'])
  })
  const cases: [string, string, TypeChange][] = [
    ['varchar', 'text', 'safe'],
    ['integer', 'bigint', 'safe'],
    ['text', 'blob', 'safe'],
    ['integer', 'text', 'rewrite'],
    // A REAL is an 8-byte float: the integers beyond 2^53 are rounded.
    ['integer', 'real', 'narrowing'],
    ['text', 'integer', 'cast_may_fail'],
    ['blob', 'decimal', 'cast_may_fail'],
    ['real', 'integer', 'cast_may_fail'],
    ['decimal(10,2)', 'bigint', 'cast_may_fail'],
    ['real', 'decimal', 'rewrite'],
    // An INTEGER column's values (integers, fractional reals, text that is no number, blobs) keep their
    // storage under NUMERIC: tinyint(1) -> boolean, as a real project changed its flags, converts nothing.
    ['tinyint', 'boolean', 'safe'],
    ['integer', 'decimal(10,2)', 'safe'],
    ['decimal', 'integer', 'cast_may_fail'],
  ]
  it.each(cases)('%s -> %s is %s', (from, to, expected) => {
    expect(sqliteDialect.classifyTypeChange(c(from), c(to))).toBe(expected)
  })
})
