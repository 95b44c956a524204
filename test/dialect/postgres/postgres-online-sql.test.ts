import { postgresDialect } from '../../../src/dialect/postgres/postgres-dialect'
import type { Operation } from '../../../src/operations/operation'
import { changeSetOf } from '../../../src/plan/change-set'
import { col, pgSchema, pgTable } from './pg-models'

const longName = 'a_table_whose_name_alone_takes_up_most_of_the_sixty_three'
const table = { schema: 'public', name: longName }
const before = pgSchema([pgTable(longName, [col('id', 'integer'), col('pages', 'integer', { nullable: true })])])
const sqlOf = (ops: Operation[]) => postgresDialect.compile(changeSetOf(before, ops)).map((s) => s.sql)

describe('postgres online forms', () => {
  it('names the passing check of an online NOT NULL within 63 bytes, the same each time', () => {
    const setNotNull: Operation = {
      kind: 'alter_column', table, from: col('pages', 'integer', { nullable: true }), to: col('pages', 'integer'), changes: ['nullability'], online: true,
    }
    const [add, validate, set, drop] = sqlOf([setNotNull])
    const name = /ADD CONSTRAINT "([^"]+)"/.exec(add!)![1]!
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63)
    expect(name).toMatch(/^CHK_[0-9a-f]{26}_not_null$/)
    expect(validate).toBe(`ALTER TABLE "public"."${longName}" VALIDATE CONSTRAINT "${name}"`)
    expect(set).toBe(`ALTER TABLE "public"."${longName}" ALTER COLUMN "pages" SET NOT NULL`)
    expect(drop).toBe(`ALTER TABLE "public"."${longName}" DROP CONSTRAINT IF EXISTS "${name}"`)
    expect(sqlOf([setNotNull])[0]).toBe(add)
  })

  it('adds every constraint written online NOT VALID before it validates the first, and builds indexes after', () => {
    const setNotNull: Operation = {
      kind: 'alter_column', table, from: col('pages', 'integer', { nullable: true }), to: col('pages', 'integer'), changes: ['nullability'], online: true,
    }
    const check: Operation = { kind: 'add_check', table, check: { name: 'CHK_pages', expression: '"pages" > 0' }, online: true }
    const index: Operation = { kind: 'create_index', table, index: { name: 'IDX_pages', columns: ['pages'], unique: false }, online: true }
    const steps = sqlOf([setNotNull, check, index]).map((sql) => /NOT VALID|VALIDATE CONSTRAINT "[^"]+"|SET NOT NULL|DROP CONSTRAINT|CREATE INDEX CONCURRENTLY/.exec(sql)?.[0])
    expect(steps.filter((step) => step !== undefined)).toEqual([
      'NOT VALID', 'NOT VALID', expect.stringMatching(/^VALIDATE CONSTRAINT "CHK_[0-9a-f]{26}_not_null"$/), 'SET NOT NULL', 'DROP CONSTRAINT',
      'VALIDATE CONSTRAINT "CHK_pages"', 'CREATE INDEX CONCURRENTLY',
    ])
  })

  it('drops online what it built online, only where it is there', () => {
    const index = { name: 'IDX_pages', columns: ['pages'], unique: false }
    expect(sqlOf([{ kind: 'drop_index', table, index, online: true }])).toEqual([`DROP INDEX CONCURRENTLY IF EXISTS "public"."IDX_pages"`])
    expect(sqlOf([{ kind: 'drop_check', table, check: { name: 'CHK_pages', expression: 'pages > 0' }, online: true }]))
      .toEqual([`ALTER TABLE "public"."${longName}" DROP CONSTRAINT IF EXISTS "CHK_pages"`])
  })
})
