import { canonicalTable } from '../../../src/dialect/postgres/postgres-canonical-table'
import type { TableModel } from '../../../src/model/schema-model'
import { canonicalColumn } from '../../../src/dialect/postgres/postgres-canonical-column'
import { canonicalDefault, type DefaultContext } from '../../../src/dialect/postgres/postgres-defaults'
import { canonicalExpression } from '../../../src/dialect/postgres/postgres-expressions'
import { parseArrayLiteral, renderArrayLiteral } from '../../../src/model/array-literal'
import { isConstant } from '../../../src/dialect/postgres/postgres-reconcile'
import { canonicalParameters, parseTypeSpelling } from '../../../src/dialect/postgres/postgres-types'
import { canonicalOnly } from '../../support/model-builders'

describe('parseTypeSpelling', () => {
  it.each([
    ['character varying(100)', { type: 'varchar', length: 100 }],
    ['character varying', { type: 'varchar' }],
    ['character(1)', { type: 'char', length: 1 }],
    ['numeric(10,2)', { type: 'numeric', precision: 10, scale: 2 }],
    ['timestamp(3) with time zone', { type: 'timestamptz', precision: 3 }],
    ['timestamp without time zone', { type: 'timestamp' }],
    ['time(0) without time zone', { type: 'time', precision: 0 }],
    ['time with time zone', { type: 'timetz' }],
    ['bit varying(5)', { type: 'varbit', length: 5 }],
    ['character varying(10)[]', { type: 'varchar', length: 10, isArray: true }],
    ['integer[]', { type: 'integer', isArray: true }],
    ['int4', { type: 'integer' }],
    ['int8', { type: 'bigint' }],
    ['int2', { type: 'smallint' }],
    ['float8', { type: 'double precision' }],
    ['float', { type: 'double precision' }],
    ['float4', { type: 'real' }],
    ['decimal', { type: 'numeric' }],
    ['bool', { type: 'boolean' }],
    ['"bit"', { type: 'bit' }],
    ['bpchar', { type: 'char' }],
    ['geometry(Point,4326)', { type: 'geometry(point,4326)' }],
    ['public."Status"', { type: 'public."Status"' }],
  ])('%s', (text, expected) => {
    expect(parseTypeSpelling(text)).toEqual(expected)
  })

  it('drops parameters PostgreSQL fills in by itself', () => {
    expect(canonicalParameters({ type: 'char', length: 1 })).toEqual({ type: 'char' })
    expect(canonicalParameters({ type: 'timestamptz', precision: 6 })).toEqual({ type: 'timestamptz' })
    expect(canonicalParameters({ type: 'numeric', precision: 10 })).toEqual({ type: 'numeric', precision: 10, scale: 0 })
    expect(canonicalParameters({ type: 'varchar', length: 1 })).toEqual({ type: 'varchar', length: 1 })
  })
})

describe('canonicalDefault', () => {
  const varchar: DefaultContext = { type: 'varchar' }
  const integer: DefaultContext = { type: 'integer' }
  const cases: [string, string, DefaultContext, string | undefined][] = [
    ['varchar cast', "'x'::character varying", varchar, "'x'"],
    ['varchar as TypeORM writes it', "'x'", varchar, "'x'"],
    ['quoted quote', "'it''s'::text", { type: 'text' }, "'it''s'"],
    ['jsonb empty', "'{}'::jsonb", { type: 'jsonb' }, "'{}'"],
    ['jsonb keys sorted as jsonb stores them', '\'{"bb": 1, "a": [1, 2]}\'::jsonb', { type: 'jsonb' }, '\'{"a":[1,2],"bb":1}\''],
    ['json keeps key order', '\'{"b": 1, "a": 2}\'::json', { type: 'json' }, '\'{"b":1,"a":2}\''],
    ['now()', 'now()', { type: 'timestamptz' }, 'CURRENT_TIMESTAMP'],
    ['CURRENT_TIMESTAMP', 'current_timestamp', { type: 'timestamptz' }, 'CURRENT_TIMESTAMP'],
    ['now() inside timezone()', "timezone('utc'::text, now())", { type: 'timestamp' }, "timezone('utc', CURRENT_TIMESTAMP)"],
    ['timezone() as written', "timezone('utc',now())", { type: 'timestamp' }, "timezone('utc', CURRENT_TIMESTAMP)"],
    ['legacy now', "('now'::text)::timestamp(3) with time zone", { type: 'timestamptz' }, 'CURRENT_TIMESTAMP(3)'],
    ['CURRENT_TIMESTAMP(6) stores what now() does', 'CURRENT_TIMESTAMP(6)', { type: 'timestamp' }, 'CURRENT_TIMESTAMP'],
    ['CURRENT_TIMESTAMP(3) on a timestamptz(3), as Prisma writes it', 'CURRENT_TIMESTAMP(3)', { type: 'timestamptz', precision: 3 }, 'CURRENT_TIMESTAMP'],
    ['CURRENT_TIMESTAMP(3) rounds what a timestamp(6) would keep', 'CURRENT_TIMESTAMP(3)', { type: 'timestamp' }, 'CURRENT_TIMESTAMP(3)'],
    ['CURRENT_TIMESTAMP(6) on a text column is its text', 'CURRENT_TIMESTAMP(6)', { type: 'text' }, 'CURRENT_TIMESTAMP(6)'],
    ['legacy local now', "('now'::text)::timestamp without time zone", { type: 'timestamp' }, 'LOCALTIMESTAMP'],
    ['legacy now pretty-printed', "'now'::text::date", { type: 'date' }, 'CURRENT_DATE'],
    ['a frozen now is no function', "'now'::date", { type: 'date' }, "'now'"],
    ['numeric cast', "'0.5'::numeric", { type: 'numeric' }, '0.5'],
    ['numeric quoted', "'0.5'", { type: 'numeric' }, '0.5'],
    ['numeric scale kept', '0.50', { type: 'numeric', }, '0.50'],
    ['negative integer cast', "'-1'::integer", integer, '-1'],
    ['negative integer', '-1', integer, '-1'],
    ['negative in parentheses', '(-1)', integer, '-1'],
    ['negative quoted', "'-1'", integer, '-1'],
    ['integer cast on a float column', "'-2'::integer", { type: 'double precision' }, '-2'],
    ['boolean quoted', "'true'", { type: 'boolean' }, 'true'],
    ['boolean upper', 'FALSE', { type: 'boolean' }, 'false'],
    ['empty ARRAY', 'ARRAY[]::text[]', { type: 'text', isArray: true }, "'{}'"],
    ['empty array literal', "'{}'::text[]", { type: 'text', isArray: true }, "'{}'"],
    ['ARRAY of literals', "ARRAY['a'::character varying, 'b c'::character varying]", { type: 'varchar', isArray: true }, `'{a,"b c"}'`],
    ['quoted array literal', `'{"a","b"}'::character varying[]`, { type: 'varchar', isArray: true }, "'{a,b}'"],
    ['enum cast', "'active'::user_status_enum", { type: 'enum', enumName: 'user_status_enum' }, "'active'"],
    ['enum cast qualified and quoted', `'active'::"public"."user_status_enum"`, { type: 'enum', enumName: 'user_status_enum' }, "'active'"],
    ['enum array', "'{a}'::st[]", { type: 'enum', enumName: 'st', isArray: true }, "'{a}'"],
    ['uuid functions stay apart', 'uuid_generate_v4()', { type: 'uuid' }, 'uuid_generate_v4()'],
    ['NULL is no default', 'NULL::character varying', varchar, undefined],
    ['NULL', 'null', varchar, undefined],
    ['a cast to another type stays, spelled as PostgreSQL prints it', "'x'::varchar", { type: 'text' }, "'x'::character varying"],
    ['a cast with a parameter', "'x'::varchar(3)", { type: 'text' }, "'x'::character varying(3)"],
    ['a timestamp cast', "'2020-01-01'::timestamp(3)", { type: 'text' }, "'2020-01-01'::timestamp(3) without time zone"],
    ['arithmetic', '(1 + 2)', integer, '1 + 2'],
    ['function with a literal', "lower('X'::text)", { type: 'text' }, "lower('X')"],
    ['nextval', "nextval('seq'::regclass)", integer, "nextval('seq')"],
  ]
  it.each(cases)('%s', (_, expression, context, expected) => {
    expect(canonicalDefault(expression, context)).toBe(expected)
  })
})

describe('canonicalExpression', () => {
  it.each([
    ['"age" > 0', 'age > 0'],
    ['(age > 0)', 'age > 0'],
    ['"Name" <> \'\' and age < 200', '"Name" <> \'\' AND age < 200'],
    ['"Name" <> \'\'::text AND age < 200', '"Name" <> \'\' AND age < 200'],
    ['(status)::text = \'x\'::text', "status::text = 'x'"],
    ['"user" IS NOT NULL', '"user" IS NOT NULL'],
    ['lower( "name" )', 'lower(name)'],
  ])('%s', (text, expected) => {
    expect(canonicalExpression(text)).toBe(expected)
  })
})

describe('a cast of a whole ARRAY, as PostgreSQL prints it again once re-read', () => {
  // `type IN ('a', 'b')` on a varchar column prints as the first; a CHECK re-created from that text (a `down`)
  // prints as the second: one expression, which a check --drift must not report as changed.
  it.each([
    ["type::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[])", "type::text = ANY (ARRAY['a'::character varying::text, 'b'::character varying::text])"],
    ["x = ANY (ARRAY[a + 1, lower(b)]::integer[])", 'x = ANY (ARRAY[(a + 1)::integer, lower(b)::integer])'],
    ['x = ANY (ARRAY[y, z]::varchar[])', 'x = ANY (ARRAY[y::character varying, z::character varying])'],
  ])('%s', (castWhole, castEach) => {
    expect(canonicalExpression(castWhole)).toBe(canonicalExpression(castEach))
  })
  it.each([
    ["x = ANY ('{}'::text[])"],
    ['x = ANY (ARRAY[]::text[])'],
    ['x = ANY (ARRAY[ARRAY[1], ARRAY[2]]::text[][])'],
  ])('%s stays as written', (text) => {
    expect(canonicalExpression(text)).toBe(text)
  })
})

describe('array literals', () => {
  it('read and write back as array_out does', () => {
    expect(parseArrayLiteral('{a, "b,c" ,NULL,"NULL", "x\\"y"}')).toEqual(['a', 'b,c', null, 'NULL', 'x"y'])
    expect(renderArrayLiteral(['a', 'b,c', null, 'NULL', 'x"y', ''])).toBe('{a,"b,c",NULL,"NULL","x\\"y",""}')
    expect(parseArrayLiteral('{{1,2},{3,4}}')).toBeUndefined()
  })
})

describe('canonicalColumn', () => {
  it('turns a uuid function default into generated uuid, keeping which function', () => {
    expect(canonicalOnly(canonicalColumn({ name: 'id', type: 'uuid', nullable: false, default: 'gen_random_uuid()' })))
      .toEqual({ name: 'id', type: 'uuid', nullable: false, default: 'gen_random_uuid()', generated: { kind: 'uuid' } })
  })
  it('drops the default of serial and identity columns and empty comments', () => {
    expect(canonicalColumn({ name: 'id', type: 'int', nullable: false, generated: { kind: 'increment' }, comment: '' }))
      .toEqual({ name: 'id', type: 'integer', nullable: false, generated: { kind: 'increment' } })
  })
})

describe('isConstant', () => {
  it.each([
    ["'2020-01-01'", true],
    ["'1 day'::interval", true],
    ['-1.5', true],
    ['ARRAY[1, 2]::integer[]', true],
    ["'{a}'::character varying(10)[]", true],
    ["interval '1 day'", true],
    ['now()', false],
    ['CURRENT_TIMESTAMP', false],
    ['age + 1', false],
    ["'x'); DROP TABLE t; --", false],
  ])('%s', (expression, expected) => {
    expect(isConstant(expression)).toBe(expected)
  })
})

describe('casts PostgreSQL adds to numbers', () => {
  it.each([
    ['price >= 0::numeric', 'price >= 0'],
    ["small > '-1'::integer", 'small > -1'],
    ['small > -1', 'small > -1'],
    ['ratio < 1.5::double precision', 'ratio < 1.5'],
    ["'5'::numeric(3)", "'5'::numeric(3)"],
  ])('%s', (text, expected) => {
    expect(canonicalExpression(text)).toBe(expected)
  })
})

describe('canonicalTable and a unique on the primary key', () => {
  const table = (uniques: TableModel['uniques']): TableModel => ({
    schema: 'public', name: 'pair', columns: [{ name: 'a', type: 'integer', nullable: false }, { name: 'b', type: 'integer', nullable: false }],
    primaryKey: { name: 'PK_pair', columns: ['a', 'b'] }, indexes: [], uniques, foreignKeys: [], checks: [],
  })

  it('leaves out one on the key columns in their order, which CREATE TABLE folds into the key, and keeps the others', () => {
    const kept = canonicalTable(table([
      { name: 'UQ_same', columns: ['a', 'b'] },
      { name: 'UQ_reversed', columns: ['b', 'a'] },
      { name: 'UQ_deferred', columns: ['a', 'b'], deferrable: 'INITIALLY DEFERRED' },
      { name: 'UQ_first', columns: ['a'] },
    ])).uniques.map((u) => u.name)
    expect(kept).toEqual(['UQ_deferred', 'UQ_first', 'UQ_reversed'])
  })
})
