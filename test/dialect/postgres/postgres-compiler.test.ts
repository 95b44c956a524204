import { postgresDialect } from '../../../src/dialect/postgres/postgres-dialect'
import type { Statement } from '../../../src/dialect/statement'
import type { EnumTypeModel, SchemaModel } from '../../../src/model/schema-model'
import type { Operation } from '../../../src/operations/operation'
import { col, pgSchema, pgTable } from './pg-models'
import { changeSetOf } from '../../../src/plan/change-set'
import { enumUsers } from '../../../src/diff/enum-users'
import { alterColumn } from '../../../src/plan/column-change'

const users = { schema: 'public', name: 'users' }
const sqlOf = (ops: Operation[], before: SchemaModel = pgSchema([])) => postgresDialect.compile(changeSetOf(before, ops)).map((s) => s.sql)

describe('postgres compiler', () => {
  it('creates a table with key, uniques, checks, indexes and comments, but no foreign keys', () => {
    const table = pgTable('users', [
      col('id', 'integer', { generated: { kind: 'increment' } }),
      col('uid', 'uuid', { generated: { kind: 'uuid' }, default: 'uuid_generate_v4()' }),
      col('ident', 'bigint', { generated: { kind: 'identity', always: true } }),
      col('name', 'varchar', { length: 100, comment: "the user's name" }),
      col('price', 'numeric', { precision: 10, scale: 2, default: '0' }),
      col('seen', 'timestamptz', { precision: 3, nullable: true, default: 'CURRENT_TIMESTAMP' }),
      col('tags', 'text', { isArray: true, default: "'{}'" }),
      col('status', 'enum', { enumName: 'users_status_enum', enumValues: ['a', 'b'], default: "'a'" }),
      col('doubled', 'integer', { nullable: true, computed: { expression: 'price * 2', stored: true } }),
      col('code', 'text', { collation: 'C' }),
      col('team_id', 'integer'),
    ], {
      primaryKey: { name: 'PK_users', columns: ['id'] },
      uniques: [{ name: 'UQ_name', columns: ['name'], deferrable: 'INITIALLY DEFERRED' }],
      checks: [{ name: 'CHK_price', expression: 'price >= 0' }],
      indexes: [
        { name: 'IDX_tags', columns: ['tags'], unique: false, method: 'gin', where: 'price > 0' },
        { name: 'IDX_name_lower', columns: ['lower(name)', 'code'], unique: true },
      ],
      foreignKeys: [{ name: 'FK_team', columns: ['team_id'], referencedSchema: 'public', referencedTable: 'teams', referencedColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' }],
      comment: 'people',
    })
    expect(sqlOf([{ kind: 'create_table', table }])).toEqual([
      'CREATE TABLE "public"."users" (\n' +
      '  "id" SERIAL NOT NULL,\n' +
      '  "uid" uuid NOT NULL DEFAULT uuid_generate_v4(),\n' +
      '  "ident" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,\n' +
      '  "name" varchar(100) NOT NULL,\n' +
      '  "price" numeric(10,2) NOT NULL DEFAULT 0,\n' +
      '  "seen" timestamptz(3) DEFAULT CURRENT_TIMESTAMP,\n' +
      `  "tags" text[] NOT NULL DEFAULT '{}',\n` +
      `  "status" "public"."users_status_enum" NOT NULL DEFAULT 'a',\n` +
      '  "doubled" integer GENERATED ALWAYS AS (price * 2) STORED,\n' +
      '  "code" text COLLATE "C" NOT NULL,\n' +
      '  "team_id" integer NOT NULL,\n' +
      '  CONSTRAINT "PK_users" PRIMARY KEY ("id"),\n' +
      '  CONSTRAINT "UQ_name" UNIQUE ("name") DEFERRABLE INITIALLY DEFERRED,\n' +
      '  CONSTRAINT "CHK_price" CHECK (price >= 0)\n' +
      ')',
      'CREATE INDEX "IDX_tags" ON "public"."users" USING gin ("tags") WHERE price > 0',
      'CREATE UNIQUE INDEX "IDX_name_lower" ON "public"."users" ((lower(name)), "code")',
      `COMMENT ON TABLE "public"."users" IS 'people'`,
      `COMMENT ON COLUMN "public"."users"."name" IS 'the user''s name'`,
    ])
  })

  it('gives every statement its operation', () => {
    const op: Operation = { kind: 'create_table', table: pgTable('t', [col('id')], { comment: 'x' }) }
    const statements: Statement[] = postgresDialect.compile(changeSetOf(pgSchema([]), [op]))
    expect(statements).toHaveLength(2)
    expect(statements.every((s) => s.operations.length === 1 && s.operations[0] === op)).toBe(true)
  })

  it('compiles schema, extension, table and comment operations', () => {
    expect(sqlOf([
      { kind: 'create_schema', schema: 'app' },
      { kind: 'drop_schema', schema: 'app' },
      { kind: 'create_extension', extension: 'uuid-ossp' },
      { kind: 'drop_extension', extension: 'uuid-ossp' },
      { kind: 'drop_table', table: pgTable('users', []) },
      { kind: 'rename_table', from: users, to: { schema: 'public', name: 'people' }, table: pgTable('users', []) },
      { kind: 'rename_table', from: users, to: { schema: 'app', name: 'people' }, table: pgTable('users', []) },
      { kind: 'alter_table_comment', table: users, from: undefined, to: 'who' },
      { kind: 'alter_table_comment', table: users, from: 'who', to: undefined },
    ])).toEqual([
      'CREATE SCHEMA IF NOT EXISTS "app"',
      'DO $autogen$\nBEGIN\n  DROP SCHEMA "app";\nEXCEPTION WHEN dependent_objects_still_exist THEN\n  RAISE NOTICE \'schema "app" still holds other objects: kept\';\nEND\n$autogen$',
      'CREATE EXTENSION IF NOT EXISTS "uuid-ossp"',
      'DROP EXTENSION "uuid-ossp"',
      'DROP TABLE "public"."users"',
      'ALTER TABLE "public"."users" RENAME TO "people"',
      'ALTER TABLE "public"."users" SET SCHEMA "app"',
      'ALTER TABLE "app"."users" RENAME TO "people"',
      `COMMENT ON TABLE "public"."users" IS 'who'`,
      'COMMENT ON TABLE "public"."users" IS NULL',
    ])
  })

  it('renames the serial sequences with their table', () => {
    const before = pgSchema([pgTable('users', [col('id', 'integer', { generated: { kind: 'increment' } }), col('n')])])
    expect(sqlOf([{ kind: 'rename_table', from: users, to: { schema: 'app', name: 'people' }, table: before.tables[0]! }], before)).toEqual([
      'ALTER TABLE "public"."users" SET SCHEMA "app"',
      'ALTER TABLE "app"."users" RENAME TO "people"',
      'ALTER SEQUENCE IF EXISTS "app"."users_id_seq" RENAME TO "people_id_seq"',
    ])
  })

  it('renames the serial and identity sequences with their column', () => {
    const rename = (generated: { kind: 'increment' } | { kind: 'identity'; always: boolean }) =>
      sqlOf([{ kind: 'rename_column', table: users, from: 'id', to: 'key', column: col('id', 'integer', { generated }) }])
    expect(rename({ kind: 'increment' })).toEqual([
      'ALTER TABLE "public"."users" RENAME COLUMN "id" TO "key"',
      'ALTER SEQUENCE IF EXISTS "public"."users_id_seq" RENAME TO "users_key_seq"',
    ])
    expect(rename({ kind: 'identity', always: false })).toEqual([
      'ALTER TABLE "public"."users" RENAME COLUMN "id" TO "key"',
      'ALTER SEQUENCE IF EXISTS "public"."users_id_seq" RENAME TO "users_key_seq"',
    ])
  })

  it('compiles column operations', () => {
    expect(sqlOf([
      { kind: 'add_column', table: users, column: col('age', 'smallint', { nullable: true, default: '-1', comment: 'years' }) },
      { kind: 'add_column', table: users, column: col('n', 'bigint', { generated: { kind: 'increment' } }) },
      { kind: 'drop_column', table: users, column: col('age') },
      { kind: 'rename_column', table: users, from: 'age', to: 'years', column: col('age') },
    ])).toEqual([
      'ALTER TABLE "public"."users" ADD "age" smallint DEFAULT -1',
      `COMMENT ON COLUMN "public"."users"."age" IS 'years'`,
      'ALTER TABLE "public"."users" ADD "n" BIGSERIAL NOT NULL',
      'ALTER TABLE "public"."users" DROP COLUMN "age"',
      'ALTER TABLE "public"."users" RENAME COLUMN "age" TO "years"',
    ])
  })

  it('alters only what changed, types in place with USING', () => {
    const alter = (from: ReturnType<typeof col>, to: ReturnType<typeof col>) => sqlOf([alterColumn(users, from, to)])
    expect(alter(col('n', 'integer'), col('n', 'bigint'))).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "n" TYPE bigint USING "n"::bigint',
    ])
    expect(alter(col('s', 'varchar', { length: 50, nullable: true }), col('s', 'varchar', { length: 100 }))).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "s" TYPE varchar(100) USING "s"::varchar, ALTER COLUMN "s" SET NOT NULL',
    ])
    // A bit string that may not fit is converted by assignment, which refuses it (an explicit cast cuts it);
    // one that fits is cast explicitly, which pads it with zeros.
    expect(alter(col('b', 'bit', { length: 8 }), col('b', 'bit', { length: 4 }))).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "b" TYPE bit(4) USING "b"::varbit',
    ])
    expect(alter(col('b', 'varbit', { length: 8 }), col('b', 'varbit', { length: 4 }))).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "b" TYPE varbit(4) USING "b"::varbit',
    ])
    expect(alter(col('b', 'varbit', { isArray: true }), col('b', 'bit', { length: 2, isArray: true }))).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "b" TYPE bit(2)[] USING "b"::varbit[]',
    ])
    expect(alter(col('b', 'bit', { length: 4 }), col('b', 'bit', { length: 8 }))).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "b" TYPE bit(8) USING "b"::bit(8)',
    ])
    expect(alter(col('s', 'text', { default: "'a'" }), col('s', 'text', { nullable: true }))).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "s" DROP DEFAULT, ALTER COLUMN "s" DROP NOT NULL',
    ])
    expect(alter(col('s', 'text', { default: "'a'" }), col('s', 'text', { default: "'b'", comment: 'x' }))).toEqual([
      `ALTER TABLE "public"."users" ALTER COLUMN "s" SET DEFAULT 'b'`,
      `COMMENT ON COLUMN "public"."users"."s" IS 'x'`,
    ])
    expect(alter(col('s', 'text', { default: "'a'" }), col('s', 'enum', { enumName: 'st', default: "'a'" }))).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "s" DROP DEFAULT, ALTER COLUMN "s" TYPE "public"."st" USING "s"::text::"public"."st", ' +
      `ALTER COLUMN "s" SET DEFAULT 'a'`,
    ])
  })

  it('converts through text between types PostgreSQL has no cast between, and directly where it has one', () => {
    const using = (from: ReturnType<typeof col>, to: ReturnType<typeof col>) =>
      sqlOf([alterColumn(users, from, to)]).map((sql) => sql.replace(/^.* USING /, ''))
    expect(using(col('n', 'integer'), col('n', 'uuid'))).toEqual(['"n"::text::uuid'])
    expect(using(col('n', 'uuid'), col('n', 'integer'))).toEqual(['"n"::text::integer'])
    expect(using(col('n', 'boolean'), col('n', 'timestamp'))).toEqual(['"n"::text::timestamp'])
    expect(using(col('n', 'integer', { isArray: true }), col('n', 'uuid', { isArray: true }))).toEqual(['"n"::text[]::uuid[]'])
    expect(using(col('n', 'integer'), col('n', 'integer', { isArray: true }))).toEqual(['CASE WHEN "n" IS NULL THEN NULL ELSE ARRAY["n"::integer] END'])
    expect(using(col('n', 'integer'), col('n', 'uuid', { isArray: true }))).toEqual(['CASE WHEN "n" IS NULL THEN NULL ELSE ARRAY["n"::text::uuid] END'])
    expect(using(col('n', 'integer', { isArray: true }), col('n', 'varchar', { length: 4 }))).toEqual([
      'CASE WHEN cardinality("n") = 1 AND array_ndims("n") = 1 THEN ("n")[1]::varchar ELSE "n"::text::varchar END',
    ])
    expect(using(col('n', 'boolean'), col('n', 'integer'))).toEqual(['"n"::integer'])
    // A boolean casts to and from integer only: the other number types go through it, and become one by a test
    // against 0 (not through integer, which would round 0.4 to false or refuse a bigint out of its range).
    expect(using(col('n', 'boolean'), col('n', 'smallint'))).toEqual(['"n"::integer::smallint'])
    expect(using(col('n', 'bigint'), col('n', 'boolean'))).toEqual(['("n" <> 0)'])
    expect(using(col('n', 'boolean', { isArray: true }), col('n', 'numeric', { isArray: true }))).toEqual(['"n"::integer[]::numeric[]'])
    expect(using(col('n', 'numeric'), col('n', 'boolean'))).toEqual(['("n" <> 0)'])
    expect(using(col('n', 'smallint', { isArray: true }), col('n', 'boolean', { isArray: true }))).toEqual(['"n"::integer[]::boolean[]'])
    expect(using(col('n', 'numeric'), col('n', 'integer'))).toEqual(['"n"::integer'])
    expect(using(col('n', 'uuid'), col('n', 'text'))).toEqual(['"n"::text'])
    // One range type to another has no cast; a range to its multirange has, and so have some geometric types.
    expect(using(col('n', 'int4range'), col('n', 'int8range'))).toEqual(['"n"::text::int8range'])
    expect(using(col('n', 'tsrange'), col('n', 'tstzrange'))).toEqual(['"n"::text::tstzrange'])
    expect(using(col('n', 'int4range'), col('n', 'int4multirange'))).toEqual(['"n"::int4multirange'])
    expect(using(col('n', 'point'), col('n', 'box'))).toEqual(['"n"::box'])
    expect(using(col('n', 'tsvector'), col('n', 'tsquery'))).toEqual(['"n"::text::tsquery'])
    expect(using(col('n', 'geometry'), col('n', 'geography'))).toEqual(['"n"::geography'])
  })

  it('alters serial and identity generation', () => {
    const alter = (from: ReturnType<typeof col>, to: ReturnType<typeof col>) => sqlOf([alterColumn(users, from, to)])
    const serial = (type: string) => col('id', type, { generated: { kind: 'increment' } })
    expect(alter(serial('integer'), serial('bigint'))).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "id" TYPE bigint USING "id"::bigint',
      'ALTER SEQUENCE "public"."users_id_seq" AS bigint',
    ])
    expect(alter(col('id'), serial('integer'))).toEqual([
      'CREATE SEQUENCE "public"."users_id_seq" AS integer OWNED BY "public"."users"."id"',
      `ALTER TABLE "public"."users" ALTER COLUMN "id" SET DEFAULT nextval('"public"."users_id_seq"'::regclass)`,
      `SELECT setval('"public"."users_id_seq"', COALESCE(MAX("id"), 0) + 1, false) FROM "public"."users"`,
    ])
    expect(alter(serial('integer'), col('id'))).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "id" DROP DEFAULT',
      'DROP SEQUENCE "public"."users_id_seq"',
    ])
    expect(alter(col('id'), col('id', 'integer', { generated: { kind: 'identity', always: false } }))).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "id" ADD GENERATED BY DEFAULT AS IDENTITY',
      `SELECT setval(pg_get_serial_sequence('"public"."users"', 'id'), COALESCE(MAX("id"), 0) + 1, false) FROM "public"."users"`,
    ])
    expect(alter(col('id', 'integer', { generated: { kind: 'identity', always: false } }), col('id', 'integer', { generated: { kind: 'identity', always: true } }))).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "id" SET GENERATED ALWAYS',
    ])
    expect(alter(col('id', 'integer', { generated: { kind: 'identity', always: true } }), col('id'))).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "id" DROP IDENTITY',
    ])
  })

  it('compiles keys, indexes, uniques, foreign keys, checks and exclusion constraints', () => {
    expect(sqlOf([
      { kind: 'add_primary_key', table: users, primaryKey: { name: 'PK_u', columns: ['id', 'org'] } },
      { kind: 'drop_primary_key', table: users, primaryKey: { name: 'PK_u', columns: ['id'] } },
      { kind: 'create_index', table: users, index: { name: 'IDX_a', columns: ['a'], unique: false } },
      { kind: 'drop_index', table: users, index: { name: 'IDX_a', columns: ['a'], unique: false } },
      { kind: 'add_unique', table: users, unique: { name: 'UQ_a', columns: ['a', 'b'] } },
      { kind: 'drop_unique', table: users, unique: { name: 'UQ_a', columns: ['a', 'b'] } },
      {
        kind: 'add_foreign_key', table: users, foreignKey: {
          name: 'FK_org', columns: ['org'], referencedSchema: 'app', referencedTable: 'orgs', referencedColumns: ['id'],
          onDelete: 'SET NULL', onUpdate: 'CASCADE', deferrable: 'INITIALLY IMMEDIATE',
        },
      },
      { kind: 'drop_foreign_key', table: users, foreignKey: { name: 'FK_org', columns: ['org'], referencedTable: 'orgs', referencedColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' } },
      { kind: 'add_check', table: users, check: { name: 'CHK_a', expression: 'a > 0' } },
      { kind: 'drop_check', table: users, check: { name: 'CHK_a', expression: 'a > 0' } },
      { kind: 'add_exclusion', table: users, exclusion: { name: 'XCL_a', definition: 'USING gist (a WITH =, during WITH &&)', definitionSql: 'USING gist ("a" WITH =, "during" WITH &&)' } },
      { kind: 'drop_exclusion', table: users, exclusion: { name: 'XCL_a', definition: 'USING gist (a WITH =, during WITH &&)' } },
      { kind: 'rename_constraint', table: users, constraint: 'exclusion', from: 'XCL_a', to: 'XCL_b', exclusion: { name: 'XCL_a', definition: 'USING gist (a WITH =)' } },
    ])).toEqual([
      'ALTER TABLE "public"."users" ADD CONSTRAINT "PK_u" PRIMARY KEY ("id", "org")',
      'ALTER TABLE "public"."users" DROP CONSTRAINT "PK_u"',
      'CREATE INDEX "IDX_a" ON "public"."users" ("a")',
      'DROP INDEX "public"."IDX_a"',
      'ALTER TABLE "public"."users" ADD CONSTRAINT "UQ_a" UNIQUE ("a", "b")',
      'ALTER TABLE "public"."users" DROP CONSTRAINT "UQ_a"',
      'ALTER TABLE "public"."users" ADD CONSTRAINT "FK_org" FOREIGN KEY ("org") REFERENCES "app"."orgs"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE',
      'ALTER TABLE "public"."users" DROP CONSTRAINT "FK_org"',
      'ALTER TABLE "public"."users" ADD CONSTRAINT "CHK_a" CHECK (a > 0)',
      'ALTER TABLE "public"."users" DROP CONSTRAINT "CHK_a"',
      'ALTER TABLE "public"."users" ADD CONSTRAINT "XCL_a" EXCLUDE USING gist ("a" WITH =, "during" WITH &&)',
      'ALTER TABLE "public"."users" DROP CONSTRAINT "XCL_a"',
      'ALTER TABLE "public"."users" RENAME CONSTRAINT "XCL_a" TO "XCL_b"',
    ])
  })

  it('changes a foreign key\'s deferral in place: ALTER CONSTRAINT, which reads no row', () => {
    const key = { name: 'FK_org', columns: ['org'], referencedTable: 'orgs', referencedColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' } as const
    expect(sqlOf([
      { kind: 'alter_foreign_key', table: users, from: key, to: { ...key, deferrable: 'INITIALLY DEFERRED' } },
      { kind: 'alter_foreign_key', table: users, from: { ...key, deferrable: 'INITIALLY DEFERRED' }, to: { ...key, deferrable: 'INITIALLY IMMEDIATE' } },
      { kind: 'alter_foreign_key', table: users, from: { ...key, deferrable: 'INITIALLY IMMEDIATE' }, to: key },
    ])).toEqual([
      'ALTER TABLE "public"."users" ALTER CONSTRAINT "FK_org" DEFERRABLE INITIALLY DEFERRED',
      'ALTER TABLE "public"."users" ALTER CONSTRAINT "FK_org" DEFERRABLE INITIALLY IMMEDIATE',
      'ALTER TABLE "public"."users" ALTER CONSTRAINT "FK_org" NOT DEFERRABLE',
    ])
  })

  it('writes back the comment an index or a unique constraint made again held in the database', () => {
    const index = { name: 'IDX_a', columns: ['a'], unique: false, comment: "Space's index" }
    const unique = { name: 'UQ_a', columns: ['a', 'b'], comment: 'Unique pair' }
    expect(sqlOf([{ kind: 'create_index', table: users, index }, { kind: 'add_unique', table: users, unique }])).toEqual([
      'CREATE INDEX "IDX_a" ON "public"."users" ("a")',
      `COMMENT ON INDEX "public"."IDX_a" IS 'Space''s index'`,
      'ALTER TABLE "public"."users" ADD CONSTRAINT "UQ_a" UNIQUE ("a", "b")',
      `COMMENT ON CONSTRAINT "UQ_a" ON "public"."users" IS 'Unique pair'`,
    ])
    const table = pgTable('pairs', [col('a', 'integer'), col('b', 'integer')], { indexes: [index], uniques: [unique] })
    expect(sqlOf([{ kind: 'create_table', table }]).slice(1)).toEqual([
      'CREATE INDEX "IDX_a" ON "public"."pairs" ("a")',
      `COMMENT ON INDEX "public"."IDX_a" IS 'Space''s index'`,
      `COMMENT ON CONSTRAINT "UQ_a" ON "public"."pairs" IS 'Unique pair'`,
    ])
  })

  it('quotes every identifier through quoteIdent', () => {
    expect(sqlOf([{ kind: 'add_column', table: { schema: 'my"app', name: 'we"ird' }, column: col('co"l', 'text', { nullable: true }) }]))
      .toEqual(['ALTER TABLE "my""app"."we""ird" ADD "co""l" text'])
  })

  describe('enums', () => {
    const status = (values: string[]): EnumTypeModel => ({ schema: 'public', name: 'status', values })
    const withColumn = pgSchema([pgTable('users', [
      col('id'),
      col('status', 'enum', { enumName: 'status', enumValues: ['a', 'b', 'c'], default: "'a'" }),
      col('history', 'enum', { enumName: 'status', isArray: true, nullable: true }),
    ])], { enums: [status(['a', 'b', 'c'])] })

    it('creates and drops types', () => {
      expect(sqlOf([{ kind: 'create_enum', enumType: status(['a', "it's"]) }, { kind: 'drop_enum', enumType: status([]) }])).toEqual([
        `CREATE TYPE "public"."status" AS ENUM ('a', 'it''s')`,
        'DROP TYPE "public"."status"',
      ])
    })

    it('adds values in place, positioned', () => {
      const statements = postgresDialect.compile(changeSetOf(withColumn, [{ kind: 'alter_enum', from: status(['a', 'c']), to: status(['z', 'a', 'b1', 'b2', 'c', 'd']), users: enumUsers(withColumn, status([])) }]))
      expect(statements.map((s) => s.sql)).toEqual([
        `ALTER TYPE "public"."status" ADD VALUE 'z' BEFORE 'a'`,
        `ALTER TYPE "public"."status" ADD VALUE 'b1' BEFORE 'c'`,
        `ALTER TYPE "public"."status" ADD VALUE 'b2' BEFORE 'c'`,
        `ALTER TYPE "public"."status" ADD VALUE 'd' AFTER 'c'`,
      ])
      expect(statements.every((s) => s.commitBeforeUse === undefined)).toBe(true)
    })

    it('marks ADD VALUE as needing a commit only when a later statement uses the value', () => {
      const from = withColumn.tables[0]!.columns[1]!
      const statements = postgresDialect.compile(changeSetOf(withColumn, [
        { kind: 'alter_enum', from: status(['a', 'b', 'c']), to: status(['a', 'b', 'c', 'd']), users: enumUsers(withColumn, status([])) },
        alterColumn(users, from, { ...from, default: "'d'" }),
      ]))
      expect(statements[0]!.commitBeforeUse).toMatch(/uses the new value 'd'/)
      expect(statements[1]!.commitBeforeUse).toBeUndefined()
    })

    it('marks ADD VALUE as needing a commit when later values are cast into the type, or a check names the value', () => {
      const from = withColumn.tables[0]!.columns[1]!
      const text = col('label', 'text', { nullable: true })
      const grown = { kind: 'alter_enum' as const, from: status(['a', 'b', 'c']), to: status(['a', 'b', 'c', 'd']), users: enumUsers(withColumn, status([])) }
      const needs = (later: Operation) => postgresDialect.compile(changeSetOf(withColumn, [grown, later]))[0]!.commitBeforeUse !== undefined
      expect(needs({ kind: 'copy_column', table: users, from: text, to: { ...from, nullable: true }, rows: 'all' })).toBe(true)
      expect(needs(alterColumn(users, { ...from, type: 'text', enumName: undefined }, from))).toBe(true)
      expect(needs({ kind: 'add_check', table: users, check: { name: 'CHK_d', expression: `"status" <> 'd'` } })).toBe(true)
      expect(needs({ kind: 'add_check', table: users, check: { name: 'CHK_a', expression: `"status" <> 'a'` } })).toBe(false)
    })

    it('rebuilds the type when values go, failing while rows hold them', () => {
      expect(sqlOf([{ kind: 'alter_enum', from: status(['a', 'b', 'c']), to: status(['c', 'a']), users: enumUsers(withColumn, status([])) }], withColumn)).toEqual([
        'DO $autogen$\n' +
        'DECLARE held bigint;\n' +
        'BEGIN\n' +
        `  SELECT count(*) INTO held FROM "public"."users" WHERE "status"::text = 'b';\n` +
        `  IF held > 0 THEN RAISE EXCEPTION 'enum "status" loses value ''b'', which % of the rows of "public"."users"."status" still hold', held; END IF;\n` +
        `  SELECT count(*) INTO held FROM "public"."users" WHERE 'b' = ANY ("history"::text[]);\n` +
        `  IF held > 0 THEN RAISE EXCEPTION 'enum "status" loses value ''b'', which % of the rows of "public"."users"."history" still hold', held; END IF;\n` +
        'END\n' +
        '$autogen$',
        'ALTER TYPE "public"."status" RENAME TO "status_old"',
        `CREATE TYPE "public"."status" AS ENUM ('c', 'a')`,
        // One ALTER TABLE per table, so that a table with several columns of the type is rewritten once.
        'ALTER TABLE "public"."users" ALTER COLUMN "status" DROP DEFAULT, ' +
        'ALTER COLUMN "status" TYPE "public"."status" USING "status"::text::"public"."status", ' +
        `ALTER COLUMN "status" SET DEFAULT 'a', ` +
        'ALTER COLUMN "history" TYPE "public"."status"[] USING "history"::text[]::"public"."status"[]',
        'DROP TYPE "public"."status_old"',
      ])
    })

    it("sets an array column's default again where every value it names stays, the empty array included", () => {
      const arrays = pgSchema([pgTable('users', [
        col('id'),
        col('none', 'enum', { enumName: 'status', isArray: true, default: "'{}'" }),
        col('kept', 'enum', { enumName: 'status', isArray: true, default: "'{a,c}'" }),
        col('lost', 'enum', { enumName: 'status', isArray: true, default: "'{a,b}'" }),
      ])], { enums: [status(['a', 'b', 'c'])] })
      const sql = sqlOf([{ kind: 'alter_enum', from: status(['a', 'b', 'c']), to: status(['a', 'c']), users: enumUsers(arrays, status([])) }], arrays)
      expect(sql.flatMap((s) => s.split(', ALTER COLUMN ')).filter((s) => s.includes('SET DEFAULT'))).toEqual([
        `"none" SET DEFAULT '{}'`,
        `"kept" SET DEFAULT '{a,c}'`,
      ])
    })
  })
  describe('a generated column reading a column that changes type', () => {
    const item = pgTable('item', [
      col('id'),
      col('sku', 'varchar', { length: 40 }),
      col('code', 'varchar', { computed: { expression: 'upper((sku)::text)', stored: true } }),
      col('other', 'varchar', { computed: { expression: 'upper(id::text)', stored: true } }),
    ], { indexes: [{ name: 'IDX_code', columns: ['code'], unique: false }], uniques: [{ name: 'UQ_code', columns: ['code'] }] })

    it('is dropped before the change and added again after it with its index and unique constraint; one reading other columns stays', () => {
      const op = alterColumn(item, item.columns[1]!, { ...item.columns[1]!, length: 20 })
      expect(sqlOf([op], pgSchema([item]))).toEqual([
        'ALTER TABLE "public"."item" DROP COLUMN "code"',
        'ALTER TABLE "public"."item" ALTER COLUMN "sku" TYPE varchar(20) USING "sku"::varchar',
        'ALTER TABLE "public"."item" ADD "code" varchar GENERATED ALWAYS AS (upper((sku)::text)) STORED NOT NULL',
        'ALTER TABLE "public"."item" ADD CONSTRAINT "UQ_code" UNIQUE ("code")',
        'CREATE INDEX "IDX_code" ON "public"."item" ("code")',
      ])
    })
  })
  describe('a foreign key whose two ends change type', () => {
    /** `member.team_id` references `team.id`, both of `from`, and both change to `to`. */
    const bothEnds = (from: string, to: string) => {
      const team = pgTable('team', [col('id', from)], { primaryKey: { name: 'PK_team', columns: ['id'] } })
      const member = pgTable('member', [col('id'), col('team_id', from, { nullable: true })], {
        primaryKey: { name: 'PK_member', columns: ['id'] },
        foreignKeys: [{ name: 'FK_team', columns: ['team_id'], referencedSchema: 'public', referencedTable: 'team', referencedColumns: ['id'], onDelete: 'SET NULL', onUpdate: 'NO ACTION' }],
      })
      const ops = [
        alterColumn(team, team.columns[0]!, { ...team.columns[0]!, type: to }),
        alterColumn(member, member.columns[1]!, { ...member.columns[1]!, type: to }),
      ]
      return { ops, before: pgSchema([team, member]) }
    }

    it('drops the key before the first change and adds it again after the last, where the types stop comparing', () => {
      const { ops, before } = bothEnds('uuid', 'integer')
      const statements = postgresDialect.compile(changeSetOf(before, ops))
      expect(statements.map((s) => s.sql)).toEqual([
        'ALTER TABLE "public"."member" DROP CONSTRAINT "FK_team"',
        'ALTER TABLE "public"."team" ALTER COLUMN "id" TYPE integer USING "id"::text::integer',
        'ALTER TABLE "public"."member" ALTER COLUMN "team_id" TYPE integer USING "team_id"::text::integer',
        'ALTER TABLE "public"."member" ADD CONSTRAINT "FK_team" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
      ])
      expect(statements[0]!.operations).toEqual(ops)
      expect(statements[3]!.operations).toEqual(ops)
    })

    it('leaves the key in place within one family of types (integer to bigint)', () => {
      const { ops, before } = bothEnds('integer', 'bigint')
      expect(sqlOf(ops, before)).toEqual([
        'ALTER TABLE "public"."team" ALTER COLUMN "id" TYPE bigint USING "id"::bigint',
        'ALTER TABLE "public"."member" ALTER COLUMN "team_id" TYPE bigint USING "team_id"::bigint',
      ])
    })
  })
})
