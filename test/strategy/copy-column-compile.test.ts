import { postgresDialect } from '../../src/dialect/postgres/postgres-dialect'
import { sqliteDialect } from '../../src/dialect/sqlite/sqlite-dialect'
import type { ColumnModel } from '../../src/model/schema-model'
import type { CopyColumn, Operation } from '../../src/operations/operation'
import { reverseOperation } from '../../src/operations/reverse'
import { column, schema, table } from '../support/model-builders'
import { changeSetOf } from '../../src/plan/change-set'
import { alterColumn } from '../../src/plan/column-change'

const post = { name: 'post' }
const copy = (from: ColumnModel, to: ColumnModel, rows: CopyColumn['rows'] = 'all'): CopyColumn => ({ kind: 'copy_column', table: post, from, to, rows })
const score = column('score', 'text')
const scoreNew = column('score__new', 'integer', { nullable: true })
const sql = (dialect: typeof sqliteDialect, ops: Operation[], columns: ColumnModel[]) =>
  dialect.compile(changeSetOf(schema([table('post', [column('id'), ...columns])]), ops)).map((s) => s.sql)

describe('copy_column on PostgreSQL', () => {
  const pg = (ops: Operation[], columns: ColumnModel[]) => sql(postgresDialect, ops, columns)

  it('assigns within one type, so that a value too long for a shorter varchar fails instead of being cut', () => {
    const title = column('title', 'varchar', { length: 100 })
    const short = column('title__new', 'varchar', { length: 20, nullable: true })
    expect(pg([copy(title, short, 'empty')], [title, short])).toEqual([
      'UPDATE "post" SET "title__new" = "title" WHERE "title__new" IS NULL',
    ])
  })

  it('casts between types, enums through text; its reverse copies back', () => {
    expect(pg([copy(score, scoreNew)], [score, scoreNew])).toEqual(['UPDATE "post" SET "score__new" = "score"::integer'])
    expect(pg([reverseOperation(copy(score, scoreNew))], [score, scoreNew])).toEqual(['UPDATE "post" SET "score" = "score__new"::text'])
    const mood = column('mood', 'enum', { enumName: 'mood_enum', enumValues: ['ok'] })
    const text = column('mood__new', 'text', { nullable: true })
    expect(pg([copy(mood, text)], [mood, text])).toEqual(['UPDATE "post" SET "mood__new" = "mood"::text::text'])
  })

  it('casts to a varchar without its length, so that a longer value fails instead of being cut', () => {
    const body = column('body', 'text')
    const short = column('body__new', 'varchar', { length: 20, nullable: true })
    expect(pg([copy(body, short)], [body, short])).toEqual(['UPDATE "post" SET "body__new" = "body"::varchar'])
  })

  it('converts through text between types with no cast, and a value into an array of one element', () => {
    const code = column('code', 'integer')
    expect(pg([copy(code, column('code__new', 'uuid', { nullable: true }))], [code])).toEqual(['UPDATE "post" SET "code__new" = "code"::text::uuid'])
    const codes = column('code__new', 'integer', { nullable: true, isArray: true })
    expect(pg([copy(code, codes)], [code, codes])).toEqual([
      'UPDATE "post" SET "code__new" = CASE WHEN "code" IS NULL THEN NULL ELSE ARRAY["code"::integer] END',
    ])
  })
})

describe('copy_column on SQLite', () => {
  const lite = (ops: Operation[], columns: ColumnModel[]) => sql(sqliteDialect, ops, columns)

  it('runs as a plain UPDATE: the target column converts by its affinity', () => {
    expect(lite([copy(score, scoreNew, 'empty')], [score, scoreNew])).toEqual([
      'UPDATE "post" SET "score__new" = "score" WHERE "score__new" IS NULL',
    ])
  })

  it('steers the copy of a rebuild: into empty rows with COALESCE, into every row from the source', () => {
    const ops: Operation[] = [
      copy(score, scoreNew, 'empty'),
      alterColumn(post, scoreNew, { ...scoreNew, nullable: false }),
    ]
    expect(lite(ops, [score, scoreNew])).toContain(
      'INSERT INTO "temporary_post"("id", "score", "score__new") SELECT "id", "score", COALESCE("score__new", "score") FROM "post"',
    )
    const renamed: Operation[] = [
      copy(score, scoreNew),
      { kind: 'drop_column', table: post, column: score },
      { kind: 'rename_column', table: post, from: 'score__new', to: 'score', column: scoreNew },
      alterColumn(post, { ...scoreNew, name: 'score' }, { ...scoreNew, name: 'score', nullable: false }),
    ]
    expect(lite(renamed, [score, scoreNew])).toContain('INSERT INTO "temporary_post"("id", "score") SELECT "id", "score" FROM "post"')
  })
})
