import type { DatabaseConnection } from '../../src/dialect/dialect'
import { postgresDialect } from '../../src/dialect/postgres/postgres-dialect'
import type { Probe } from '../../src/dialect/probe'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

const t = { schema: 'app', name: 'people' }
const to = (type: string, extra: object = {}) => ({ name: 'code', type, nullable: false, ...extra })
const probes: Probe[] = [
  { kind: 'rows', table: t },
  { kind: 'non_null', table: t, column: 'age' },
  { kind: 'nulls', table: t, column: 'email' },
  { kind: 'duplicates', table: t, columns: ['email', 'status'] },
  { kind: 'longer_than', table: t, column: 'name', length: 5 },
  { kind: 'out_of_range', table: t, column: 'big', min: '-2147483648', max: '2147483647' },
  { kind: 'more_decimals', table: t, column: 'score', scale: 1 },
  { kind: 'holds_values', table: t, column: 'status', values: ['archived', 'gone'] },
  { kind: 'holds_values', table: t, column: 'tags', values: ['b'], isArray: true },
  { kind: 'not_convertible', table: t, column: 'code', from: { name: 'code', type: 'text', nullable: true }, to: to('integer') },
  { kind: 'not_convertible', table: t, column: 'code', from: { name: 'code', type: 'text', nullable: true }, to: to('numeric') },
  { kind: 'not_convertible', table: t, column: 'flag', from: { name: 'flag', type: 'text', nullable: true }, to: to('boolean') },
  { kind: 'not_convertible', table: t, column: 'code', from: { name: 'code', type: 'text', nullable: true }, to: to('enum', { enumValues: ['12', 'x9'] }) },
  { kind: 'not_convertible', table: t, column: 'code', from: { name: 'code', type: 'text', nullable: true }, to: to('jsonb') },
]

describe('postgres: measure', () => {
  let db: TestDatabase
  let connection: DatabaseConnection
  beforeAll(async () => {
    db = await createPostgresDatabase('probes')
    await db.query(`
      CREATE SCHEMA app;
      CREATE TYPE app.status AS ENUM ('active', 'archived', 'gone');
      CREATE TABLE app.people (id serial PRIMARY KEY, email varchar, age integer, name varchar(100), big bigint,
        score numeric(10,2), status app.status, tags text[], code text, flag text);
      INSERT INTO app.people (email, age, name, big, score, status, tags, code, flag) VALUES
        ('a@x', 30, 'Ann', 1, 1.5, 'active', '{a}', '12', 'yes'),
        (NULL, NULL, 'Bartholomew', 3000000000, 2.25, 'archived', '{a,b}', 'x9', 'maybe'),
        (NULL, 41, 'Cy', -3000000000, 3, 'gone', NULL, ' 7 ', 'f'),
        ('a@x', 52, 'Dorothea', NULL, NULL, 'active', '{b}', '1.5e3', NULL);
      CREATE TABLE app.big AS SELECT g AS n FROM generate_series(1, 50) g;
      CREATE TABLE app.pair (a json, b json);
      INSERT INTO app.pair VALUES ('{"x": 1}', '{"x": 1}'), ('{"x": 1}', '{"x": 2}'), (NULL, '1'), ('1', NULL);
      ANALYZE app.big;
    `)
    connection = await postgresDialect.connect(db.options)
  })
  afterAll(async () => {
    await connection.close()
    await db.drop()
  })

  it('counts the rows where two columns both hold a value and differ, json too (which has no equality)', async () => {
    const [overwritten] = await postgresDialect.measure(connection, [{ kind: 'overwritten', table: { schema: 'app', name: 'pair' }, column: 'a', by: 'b' }], { rowLimit: 1000 })
    expect(overwritten).toEqual({ count: 1, complete: true })
  })

  it('answers every probe in one read-only query, where they are few (and one for the server version, where a value is parsed)', async () => {
    const queries = connection.queryCount
    const results = await postgresDialect.measure(connection, probes, { rowLimit: 1000 })
    expect(probes.some((p) => p.kind === 'not_convertible')).toBe(true)
    expect(connection.queryCount - queries).toBe(2)
    expect(results.map((r) => r?.count)).toEqual([4, 3, 2, 1, 2, 2, 1, 2, 2, 2, 1, 1, 2, undefined])
    expect(results.every((r) => r === undefined || r.complete)).toBe(true)
  })

  it('counts values out of range or with more decimal places together, for a type that narrows both ways', async () => {
    const both: Probe[] = [
      { kind: 'out_of_range', table: t, column: 'score', min: '-9.9', max: '9.9', scale: 1 },
      { kind: 'out_of_range', table: t, column: 'score', min: '-2.9', max: '2.9', scale: 1 },
      { kind: 'out_of_range', table: t, column: 'score', min: '-9.9', max: '9.9' },
    ]
    // 2.25 has two decimal places; 3 lies outside -2.9..2.9 (and 2.25 is counted once).
    expect((await postgresDialect.measure(connection, both, { rowLimit: 1000 })).map((r) => r?.count)).toEqual([1, 2, 0])
  })

  it('answers more probes than PostgreSQL takes in one select list (1,664 entries)', async () => {
    const many: Probe[] = Array.from({ length: 1700 }, () => ({ kind: 'non_null', table: t, column: 'age' }))
    const results = await postgresDialect.measure(connection, many, { rowLimit: 1000 })
    expect(results).toHaveLength(1700)
    expect(results.every((r) => r?.count === 3 && r.complete)).toBe(true)
  })

  it('bounds every probe by the row limit and gives the planner\'s estimate for row counts', async () => {
    const big = { schema: 'app', name: 'big' }
    const results = await postgresDialect.measure(connection, [
      { kind: 'rows', table: big },
      { kind: 'out_of_range', table: big, column: 'n', min: '0', max: '5' },
    ], { rowLimit: 10 })
    expect(results).toEqual([{ count: 10, complete: false, estimate: 50 }, { count: expect.any(Number), complete: false }])
    expect(results[1]!.count).toBeLessThanOrEqual(10)
  })
})
