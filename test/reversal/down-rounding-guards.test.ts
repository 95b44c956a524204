import type { Dialect } from '../../src/dialect/dialect'
import { mysqlDialect } from '../../src/dialect/mysql/mysql-dialect'
import { postgresDialect } from '../../src/dialect/postgres/postgres-dialect'
import { sqliteDialect } from '../../src/dialect/sqlite/sqlite-dialect'
import type { ColumnModel } from '../../src/model/schema-model'
import { changeSetOf, reverseChangeSet } from '../../src/plan/change-set'
import { downRoundingGuards } from '../../src/pipeline/down-rounding-guards'
import { column, schema, table } from '../support/model-builders'

// Which type changes of a `down` get a check for the values they would round: a number made one with fewer
// decimal places, a moment made one with less precision; not a change the database refuses loudly on values
// that do not fit, nor one of another kind.

/** guardsOfDown is the down's rounding checks where `up` changes column `c` of table `t` from `before` to `after`. */
function guardsOfDown(dialect: Dialect, before: ColumnModel, after: ColumnModel): string[] {
  const start = schema([table('t', [column('id'), before])])
  const up = changeSetOf(start, [{ kind: 'alter_column', table: { name: 't' }, from: before, to: after, changes: ['type'] }])
  return downRoundingGuards(dialect, reverseChangeSet(up)).map((guard) => `${guard.sql} | ${guard.failIfRows}`)
}

describe('downRoundingGuards', () => {
  it('checks a number given back fewer decimal places, from a decimal or a float', () => {
    const [guard] = guardsOfDown(postgresDialect, column('c', 'integer'), column('c', 'double precision'))
    // A float is read through its text: its cast to numeric keeps 15 significant digits of a double.
    expect(guard).toContain(`SELECT 1 FROM "t" WHERE "c"::text::numeric <> round("c"::text::numeric, 0) LIMIT 1`)
    expect(guard).toContain('changing "t"."c" back from double precision to integer would round its values with a fractional part')
    const [scale] = guardsOfDown(mysqlDialect, column('c', 'decimal', { precision: 10, scale: 2 }), column('c', 'decimal', { precision: 12, scale: 4 }))
    expect(scale).toContain('would round its values with more than 2 decimal places')
  })

  it('checks a moment given back less precision', () => {
    const [guard] = guardsOfDown(postgresDialect, column('c', 'timestamp', { precision: 0 }), column('c', 'timestamp', { precision: 6 }))
    expect(guard).toContain(`"c" IS DISTINCT FROM "c"::timestamp(0)`)
    expect(guard).toContain('would round or cut the time of its values more precise than timestamp(0) keeps')
  })

  it('checks arrays of numbers element by element, but not numbers made booleans, which have no cast to compare with', () => {
    const array = (type: string, options = {}) => column('c', type, { ...options, isArray: true } as never)
    const [guard] = guardsOfDown(postgresDialect, array('integer'), array('numeric', { precision: 10, scale: 2 }))
    expect(guard).toContain(`"c"::text::numeric[] IS DISTINCT FROM "c"::integer[]::text::numeric[]`)
    expect(guardsOfDown(postgresDialect, array('boolean'), array('numeric', { precision: 10, scale: 2 }))).toEqual([])
  })

  it('leaves out what the database refuses loudly, changes of another kind, and SQLite where it keeps every value', () => {
    expect(guardsOfDown(postgresDialect, column('c', 'varchar', { length: 20 }), column('c', 'varchar', { length: 200 }))).toEqual([])
    expect(guardsOfDown(postgresDialect, column('c', 'integer'), column('c', 'bigint'))).toEqual([])
    expect(guardsOfDown(postgresDialect, column('c', 'boolean'), column('c', 'timestamp'))).toEqual([])
    expect(guardsOfDown(sqliteDialect, column('c', 'integer'), column('c', 'decimal', { precision: 10, scale: 2 }))).toEqual([])
  })
})
