import { postgresDialect } from '../../src/dialect/postgres/postgres-dialect'
import { sqliteDialect } from '../../src/dialect/sqlite/sqlite-dialect'
import { findHazards } from '../../src/hazards/find-hazards'
import type { ColumnModel } from '../../src/model/schema-model'
import type { Operation } from '../../src/operations/operation'
import { column, schema, table } from '../support/model-builders'
import { changeSetOf } from '../../src/plan/change-set'

const post = { name: 'post' }
const found = (dialect: typeof sqliteDialect, from: ColumnModel, to: ColumnModel) => {
  const ops: Operation[] = [{ kind: 'copy_column', table: post, from, to, rows: 'all' }]
  const before = schema([table('post', [from, to])])
  const changes = changeSetOf(before, ops)
  return findHazards({ changes, statements: dialect.compile(changes), dialect })
    .map((f) => ({ code: f.code, what: f.what, probe: f.probe?.kind }))
}

describe('hazards of copy_column', () => {
  it('a copy that parses text as integer may fail on PostgreSQL, and keeps values unconverted on SQLite, rounding long numbers', () => {
    const score = column('score', 'text')
    const scoreNew = column('score__new', 'integer', { nullable: true })
    expect(found(postgresDialect, score, scoreNew)).toEqual([{
      code: 'TYPE_CAST_MAY_FAIL', probe: 'not_convertible',
      what: 'Copies "post"."score" into "score__new" from text to integer, which fails if a value does not convert',
    }])
    expect(found(sqliteDialect, score, scoreNew)).toEqual([{
      code: 'TYPE_NARROWING', probe: 'changed_by_cast',
      what: 'Copies "post"."score" into "score__new" from text to integer, which rounds the numbers it converts that have more digits than a float keeps (more than 15 significant digits, but for whole numbers the new type stores as integers)',
    }, {
      code: 'TYPE_CAST_MAY_FAIL', probe: 'not_convertible',
      what: 'Copies "post"."score" into "score__new" from text to integer: values that do not convert are copied as they are, not as integer',
    }])
  })

  it('a copy into a shorter varchar is narrowing where lengths are enforced, and nothing where they are not', () => {
    const title = column('title', 'varchar', { length: 100 })
    const short = column('title__new', 'varchar', { length: 20, nullable: true })
    expect(found(postgresDialect, title, short).map((h) => [h.code, h.probe])).toEqual([['TYPE_NARROWING', 'longer_than']])
    expect(found(sqliteDialect, title, short).filter((h) => h.code.startsWith('TYPE_'))).toEqual([])
  })

  it('a lossless copy is no hazard: it is an UPDATE, not a rewrite under lock', () => {
    expect(found(postgresDialect, column('n', 'integer'), column('n__new', 'bigint', { nullable: true }))).toEqual([])
    expect(found(postgresDialect, column('body', 'text'), column('content', 'text', { nullable: true }))).toEqual([])
  })
})
