import { postgresDialect } from '../../src/dialect/postgres/postgres-dialect'
import { sqliteDialect } from '../../src/dialect/sqlite/sqlite-dialect'
import { applyOperations } from '../../src/operations/apply'
import type { Operation } from '../../src/operations/operation'
import { reverseOperations } from '../../src/operations/reverse'
import { column, schema, table } from '../support/model-builders'
import { changeSetOf } from '../../src/plan/change-set'
import { planWithRenames } from '../../src/diff/rename-plan'

// The SQL of the renames that follow a renamed table or column, both ways.

const pgPost = table('post', [column('id', 'integer', { generated: { kind: 'increment' } }), column('body', 'text')], {
  schema: 'public',
  primaryKey: { name: 'PK_post', columns: ['id'] },
  indexes: [{ name: 'IDX_post_body', columns: ['body'], unique: false }],
  uniques: [{ name: 'UQ_post_body', columns: ['body'] }],
})
const pg = { schema: 'public', name: 'post' }
const pgSql = (ops: Operation[]) => postgresDialect.compile(changeSetOf(schema([pgPost], { schemas: ['public'] }), ops)).map((s) => s.sql)

describe('postgres compiles renames in place', () => {
  it('renames a serial column with its sequence, an index, a constraint and an enum type', () => {
    const ops: Operation[] = [
      { kind: 'rename_column', table: pg, from: 'id', to: 'key', column: pgPost.columns[0]! },
      { kind: 'rename_index', table: pg, from: 'IDX_post_body', to: 'IDX_post_text', index: pgPost.indexes[0]! },
      { kind: 'rename_constraint', table: pg, constraint: 'unique', from: 'UQ_post_body', to: 'UQ_post_text', unique: pgPost.uniques[0]! },
      { kind: 'rename_enum', from: { schema: 'public', name: 'post_kind_enum' }, to: { schema: 'public', name: 'article_kind_enum' } },
    ]
    expect(pgSql(ops)).toEqual([
      'ALTER TABLE "public"."post" RENAME COLUMN "id" TO "key"',
      'ALTER SEQUENCE IF EXISTS "public"."post_id_seq" RENAME TO "post_key_seq"',
      'ALTER INDEX "public"."IDX_post_body" RENAME TO "IDX_post_text"',
      'ALTER TABLE "public"."post" RENAME CONSTRAINT "UQ_post_body" TO "UQ_post_text"',
      'ALTER TYPE "public"."post_kind_enum" RENAME TO "article_kind_enum"',
    ])
  })

  it('follows a renamed enum type in the casts of defaults and checks, quoting a name only where PostgreSQL does (a double quote in it)', () => {
    const mood = (enumName: string, cast: string) => table('person', [column('mood', 'enum', { enumName, default: "'b'", defaultSql: `'b'::${cast}` })], {
      schema: 'public', checks: [{ name: 'CHK_mood', expression: `mood <> 'c'::${cast}` }],
    })
    const from = { schema: 'public', name: 'person_mood_enum' }
    const to = { schema: 'public', name: 'say "hi"_$&_enum' }
    // A cast that names the schema keeps naming it (the type may be off the search path); one that does not, does not.
    const before = schema([mood(from.name, '"public".person_mood_enum')], { schemas: ['public'] })
    const after = applyOperations(before, [{ kind: 'rename_enum', from, to }])
    expect(after.tables[0]).toEqual(mood(to.name, 'public."say ""hi""_$&_enum"'))
    const back = applyOperations(after, [{ kind: 'rename_enum', from: to, to: from }])
    expect(back.tables[0]).toEqual(mood(from.name, 'public.person_mood_enum'))
    const bare = applyOperations(schema([mood(from.name, 'person_mood_enum')], { schemas: ['public'] }), [{ kind: 'rename_enum', from, to }])
    expect(bare.tables[0]).toEqual(mood(to.name, '"say ""hi""_$&_enum"'))
  })

  it('moves an enum type to another schema before renaming it', () => {
    expect(pgSql([{ kind: 'rename_enum', from: { schema: 'public', name: 'a' }, to: { schema: 'app', name: 'b' } }])).toEqual([
      'ALTER TYPE "public"."a" SET SCHEMA "app"',
      'ALTER TYPE "app"."a" RENAME TO "b"',
    ])
  })
})

describe('postgres compiles a table moved to another schema', () => {
  const client = table('client', [column('id', 'integer', { generated: { kind: 'increment' } }), column('status', 'enum', { enumName: 'client_status_enum', enumValues: ['a'] })], {
    schema: 'crm', primaryKey: { name: 'client_pkey', columns: ['id'] },
  })
  const before = schema([client], { schemas: ['crm'], enums: [{ schema: 'crm', name: 'client_status_enum', values: ['a'] }] })
  const moved = (name: string) => ({ ...client, schema: 'sales', name, primaryKey: { name: `${name}_pkey`, columns: ['id'] }, columns: [client.columns[0]!, { ...client.columns[1]!, enumName: `${name}_status_enum` }] })
  const after = (name: string) => schema([moved(name)], { schemas: ['crm', 'sales'], enums: [{ schema: 'sales', name: `${name}_status_enum`, values: ['a'] }] })
  const hint = (to: string) => ({ kind: 'table' as const, table: { schema: 'crm', name: 'client' }, from: 'client', to, toSchema: 'sales', move: true, origin: 'test' })
  const sqlBothWays = async (to: string) => {
    const { ops } = await planWithRenames(before, after(to), postgresDialect.capabilities, { hints: [hint(to)] })
    const down = reverseOperations(ops)
    return {
      up: postgresDialect.compile(changeSetOf(before, ops)).map((s) => s.sql),
      down: postgresDialect.compile(changeSetOf(applyOperations(before, ops), down)).map((s) => s.sql),
    }
  }

  it('creates the schema, sets the table\'s schema and then its enum type\'s; down sets both back and drops the schema if empty', async () => {
    const { up, down } = await sqlBothWays('client')
    expect(up).toEqual([
      'CREATE SCHEMA IF NOT EXISTS "sales"',
      'ALTER TABLE "crm"."client" SET SCHEMA "sales"',
      'ALTER TYPE "crm"."client_status_enum" SET SCHEMA "sales"',
    ])
    expect(down).toEqual([
      'ALTER TYPE "sales"."client_status_enum" SET SCHEMA "crm"',
      'ALTER TABLE "sales"."client" SET SCHEMA "crm"',
      expect.stringContaining('DROP SCHEMA "sales"'),
    ])
  })

  it('renames the table in its new schema, with its sequence, key and type', async () => {
    const { up, down } = await sqlBothWays('customer')
    expect(up).toEqual([
      'CREATE SCHEMA IF NOT EXISTS "sales"',
      'ALTER TABLE "crm"."client" SET SCHEMA "sales"',
      'ALTER TABLE "sales"."client" RENAME TO "customer"',
      'ALTER SEQUENCE IF EXISTS "sales"."client_id_seq" RENAME TO "customer_id_seq"',
      'ALTER TYPE "crm"."client_status_enum" SET SCHEMA "sales"',
      'ALTER TYPE "sales"."client_status_enum" RENAME TO "customer_status_enum"',
      'ALTER TABLE "sales"."customer" RENAME CONSTRAINT "client_pkey" TO "customer_pkey"',
    ])
    expect(down).toEqual([
      'ALTER TABLE "sales"."customer" RENAME CONSTRAINT "customer_pkey" TO "client_pkey"',
      'ALTER TYPE "sales"."customer_status_enum" SET SCHEMA "crm"',
      'ALTER TYPE "crm"."customer_status_enum" RENAME TO "client_status_enum"',
      'ALTER TABLE "sales"."customer" SET SCHEMA "crm"',
      'ALTER TABLE "crm"."customer" RENAME TO "client"',
      'ALTER SEQUENCE IF EXISTS "crm"."customer_id_seq" RENAME TO "client_id_seq"',
      expect.stringContaining('DROP SCHEMA "sales"'),
    ])
  })
})

const litePost = table('post', [column('id', 'integer', { generated: { kind: 'increment' } }), column('body', 'text')], {
  primaryKey: { columns: ['id'] },
  indexes: [{ name: 'IDX_post_body', columns: ['body'], unique: false, where: 'body IS NOT NULL', whereSql: '"body" IS NOT NULL' }],
  uniques: [{ name: 'UQ_post_body', columns: ['body'] }],
})
const lite = { name: 'post' }
const liteSql = (ops: readonly Operation[], before = schema([litePost])) => sqliteDialect.compile(changeSetOf(before, ops)).map((s) => s.sql)

describe('sqlite compiles renames', () => {
  it('re-creates an index under its new name, in place', () => {
    const ops: Operation[] = [{ kind: 'rename_index', table: lite, from: 'IDX_post_body', to: 'IDX_post_text', index: litePost.indexes[0]! }]
    expect(liteSql(ops)).toEqual(['DROP INDEX "IDX_post_body"', 'CREATE INDEX "IDX_post_text" ON "post" ("body") WHERE "body" IS NOT NULL'])
  })

  it('rebuilds a table to rename a constraint, which lives in its CREATE TABLE text', () => {
    const ops: Operation[] = [{ kind: 'rename_constraint', table: lite, constraint: 'unique', from: 'UQ_post_body', to: 'UQ_post_text', unique: litePost.uniques[0]! }]
    const sql = liteSql(ops)
    expect(sql[0]).toBe("SELECT name FROM pragma_table_info('post') WHERE name NOT IN ('id', 'body')")
    expect(sql[1]).toMatch(/^CREATE TABLE "temporary_post" .*CONSTRAINT "UQ_post_text" UNIQUE \("body"\)/)
    expect(sql).toContain('ALTER TABLE "temporary_post" RENAME TO "post"')
  })

  it('a renamed column keeps its index predicate: SQLite rewrites it, and so does the model of the rebuild', () => {
    const ops: Operation[] = [
      { kind: 'rename_column', table: lite, from: 'body', to: 'content', column: litePost.columns[1]! },
      { kind: 'rename_constraint', table: lite, constraint: 'unique', from: 'UQ_post_body', to: 'UQ_post_content', unique: { ...litePost.uniques[0]!, columns: ['content'] } },
    ]
    const sql = liteSql(ops)
    expect(sql).toContain('CREATE INDEX "IDX_post_body" ON "post" ("content") WHERE "content" IS NOT NULL')
    const after = applyOperations(schema([litePost]), ops)
    expect(after.tables[0].indexes[0]).toMatchObject({ where: 'content IS NOT NULL', whereSql: '"content" IS NOT NULL' })
    // The rebuild of down follows the check that the table has the columns up left it with.
    expect(liteSql(reverseOperations(ops), after)[1]).toMatch(/^CREATE TABLE "temporary_post" .*"body" text.*CONSTRAINT "UQ_post_body" UNIQUE \("body"\)/)
  })
})
