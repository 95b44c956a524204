import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { DatabaseConnection } from '../../src/dialect/dialect'
import type { Probe } from '../../src/dialect/probe'
import { sqliteDialect } from '../../src/dialect/sqlite/sqlite-dialect'

const t = { name: 'people' }
const probes: Probe[] = [
  { kind: 'rows', table: t },
  { kind: 'non_null', table: t, column: 'age' },
  { kind: 'nulls', table: t, column: 'email' },
  { kind: 'duplicates', table: t, columns: ['email'] },
  { kind: 'longer_than', table: t, column: 'name', length: 5 },
  { kind: 'out_of_range', table: t, column: 'age', min: '0', max: '40' },
  { kind: 'more_decimals', table: t, column: 'score', scale: 1 },
  { kind: 'holds_values', table: t, column: 'status', values: ['archived', 'gone'] },
  { kind: 'not_convertible', table: t, column: 'code', from: { name: 'code', type: 'text', nullable: true }, to: { name: 'code', type: 'integer', nullable: false } },
  { kind: 'not_convertible', table: t, column: 'code', from: { name: 'code', type: 'text', nullable: true }, to: { name: 'code', type: 'text', nullable: false } },
  { kind: 'rows', table: { name: 'empty "one"' } },
  // score holds 1.5, 2.25, 3 (a whole REAL, which becomes an integer) and NULL.
  { kind: 'not_convertible', table: t, column: 'score', from: { name: 'score', type: 'text', nullable: true }, to: { name: 'score', type: 'integer', nullable: true } },
]

describe('sqlite: measure', () => {
  let dir: string
  let file: string
  let connection: DatabaseConnection
  const digest = () => createHash('sha256').update(readFileSync(file)).digest('hex')

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'autogen-hazards-'))
    file = join(dir, 'probe.sqlite')
    const db = new Database(file)
    db.exec(`
      CREATE TABLE "people" ("id" integer PRIMARY KEY, "email" varchar, "age" integer, "name" varchar(100), "score" real, "status" varchar, "code" text);
      CREATE TABLE "empty ""one""" ("id" integer);
      CREATE TABLE "pair" ("a" text COLLATE NOCASE, "b" text COLLATE NOCASE);
      INSERT INTO "pair" VALUES ('Ann', 'ann'), ('x', 'x'), (NULL, 'y'), ('z', NULL), ('p', 'q');
      INSERT INTO "people" ("email", "age", "name", "score", "status", "code") VALUES
        ('a@x', 30, 'Ann', 1.5, 'active', '12'),
        (NULL, NULL, 'Bartholomew', 2.25, 'archived', 'x9'),
        (NULL, 41, 'Cy', 3, 'gone', ' 7 '),
        ('a@x', 52, 'Dorothea', NULL, 'archived', 'seven');
    `)
    db.close()
    connection = await sqliteDialect.connect({ type: 'better-sqlite3', database: file })
  })
  afterAll(async () => {
    await connection.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('counts the rows where two columns both hold a value and differ, byte for byte under NOCASE', async () => {
    const [overwritten] = await sqliteDialect.measure(connection, [{ kind: 'overwritten', table: { name: 'pair' }, column: 'a', by: 'b' }], { rowLimit: 1000 })
    expect(overwritten).toEqual({ count: 2, complete: true })
  })

  it('answers every probe in one read-only query, where they are few', async () => {
    const before = digest()
    const queries = connection.queryCount
    const results = await sqliteDialect.measure(connection, probes, { rowLimit: 1000 })
    expect(connection.queryCount - queries).toBe(1)
    expect(results.map((r) => r?.count)).toEqual([4, 3, 2, 1, 2, 2, 1, 3, 2, undefined, 0, 2])
    expect(results.every((r) => r === undefined || r.complete)).toBe(true)
    expect(digest()).toBe(before)
  })

  it('counts values out of range or with more decimal places together, for a type that narrows both ways', async () => {
    const both: Probe[] = [
      { kind: 'out_of_range', table: t, column: 'score', min: '-9.9', max: '9.9', scale: 1 },
      { kind: 'out_of_range', table: t, column: 'score', min: '-2.9', max: '2.9', scale: 1 },
      { kind: 'out_of_range', table: t, column: 'score', min: '-9.9', max: '9.9' },
    ]
    expect((await sqliteDialect.measure(connection, both, { rowLimit: 1000 })).map((r) => r?.count)).toEqual([1, 2, 0])
  })

  it('towards json (NUMERIC affinity, whose values TypeORM keeps as JSON text) counts the values that are not JSON', async () => {
    // Beekeeper Studio's tabs.context, `text` holding '{}', made `json`: every value is JSON, none is a number.
    const db = new Database(file)
    db.exec(`CREATE TABLE "tabs" ("id" integer PRIMARY KEY, "context" text)`)
    db.exec(`INSERT INTO "tabs" ("context") VALUES ('{}'), ('{"pluginId":"ai"}'), ('[1, 2]'), ('12'), (NULL), ('not json'), ('{broken')`)
    db.close()
    const text = { name: 'context', type: 'text', nullable: true }
    const json: Probe = { kind: 'not_convertible', table: { name: 'tabs' }, column: 'context', from: text, to: { ...text, type: 'json' } }
    expect((await sqliteDialect.measure(connection, [json], { rowLimit: 1000 })).map((r) => r?.count)).toEqual([2])
  })

  it('reads at most rowLimit rows of a table and says when that was not all of it', async () => {
    const results = await sqliteDialect.measure(connection, probes.slice(0, 3), { rowLimit: 2 })
    expect(results).toEqual([{ count: 2, complete: false }, { count: 1, complete: false }, { count: 1, complete: false }])
    expect(await sqliteDialect.measure(connection, probes.slice(0, 1), { rowLimit: 4 })).toEqual([{ count: 4, complete: true }])
  })

  it('asks nothing when there is nothing to ask', async () => {
    const queries = connection.queryCount
    expect(await sqliteDialect.measure(connection, [], { rowLimit: 10 })).toEqual([])
    expect(connection.queryCount).toBe(queries)
  })

  it('answers a condition it cannot test only where the column holds no value', async () => {
    // code holds values: whether they convert is not known. An empty column has none to fail.
    expect(await sqliteDialect.measure(connection, [probes[9]!], { rowLimit: 10 })).toEqual([undefined])
    const untestable = { ...probes[9]!, table: { name: 'empty "one"' }, column: 'id' } as Probe
    expect(await sqliteDialect.measure(connection, [untestable], { rowLimit: 10 })).toEqual([{ count: 0, complete: true }])
  })

  it('towards integer counts the texts SQLite keeps as a REAL, as its conversion stores them', async () => {
    // A fraction, or an integer beyond 64 bits, is stored as a REAL; a whole number written as one ('2.0', '1e3') as an integer.
    const texts = ['1.5', '99999999999999999999', '2.0', '1e3', ' 7 ', 'abc', '12']
    const db = new Database(file)
    db.exec(`CREATE TABLE "numbers" ("v" text); CREATE TABLE "converted" ("v" integer)`)
    for (const text of texts) {
      db.prepare(`INSERT INTO "numbers" ("v") VALUES (?)`).run(text)
      db.prepare(`INSERT INTO "converted" ("v") VALUES (?)`).run(text)
    }
    const [{ kept }] = db.prepare(`SELECT count(*) AS kept FROM "converted" WHERE typeof("v") <> 'integer'`).all() as [{ kept: number }]
    db.close()
    const text = { name: 'v', type: 'text', nullable: true }
    const [result] = await sqliteDialect.measure(connection, [{ kind: 'not_convertible', table: { name: 'numbers' }, column: 'v', from: text, to: { ...text, type: 'integer' } }], { rowLimit: 1000 })
    expect(kept).toBe(3)
    expect(result?.count).toBe(kept)
  })

  it('answers many probes in queries of at most 200 subqueries, each probe from its own table', async () => {
    // 150 tables: 150 probes and 150 row counts make 300 subqueries, two queries.
    const tables = Array.from({ length: 150 }, (_, i) => ({ name: `many_${i}` }))
    const db = new Database(file)
    for (const [i, table] of tables.entries()) {
      db.exec(`CREATE TABLE "${table.name}" ("v" integer)`)
      for (let row = 0; row < i % 4; row++) db.exec(`INSERT INTO "${table.name}" ("v") VALUES (${row % 2 === 0 ? 1 : 'NULL'})`)
    }
    db.close()
    const queries = connection.queryCount
    const results = await sqliteDialect.measure(connection, tables.map((table) => ({ kind: 'non_null', table, column: 'v' })), { rowLimit: 1000 })
    expect(connection.queryCount - queries).toBe(2)
    expect(results.map((r) => r?.count)).toEqual(tables.map((_, i) => [0, 1, 1, 2][i % 4]))
  })
})
