import { connectMysql, type MysqlConnection } from '../../../src/dialect/mysql/mysql-connection'
import { mysqlDialectAt } from '../../../src/dialect/mysql/mysql-dialect'
import { probeCondition } from '../../../src/dialect/mysql/mysql-probes'
import type { Probe } from '../../../src/dialect/probe'
import { createMariaDbDatabase, type TestDatabase } from '../../support/test-database'
import { col } from './my-models'

const t = { name: 'item' }

describe('mysql probes on MariaDB', () => {
  let db: TestDatabase
  let connection: MysqlConnection

  beforeAll(async () => {
    db = await createMariaDbDatabase('mysql_probes')
    await db.query(`CREATE TABLE item (
      id int PRIMARY KEY, name varchar(20) NULL, qty bigint NULL, price decimal(10,4) NULL, note varchar(40) NULL,
      mood enum('a','b','c') NULL, tags set('x','y','z') NULL, doc longtext NULL)`)
    await db.query(`INSERT INTO item VALUES
      (1, 'short', 5, 1.5, '12', 'a', 'x,y', '{"a":1}'),
      (2, 'a much longer name', 3000000000, 2.1234, ' -7 ', 'b', 'z', 'not json'),
      (3, NULL, -40000, 3.0, 'abc', 'c', 'y', NULL),
      (4, 'short', NULL, NULL, '2024-02-30', NULL, NULL, '[1]'),
      (5, 'short', 7, 9.99, '1e3', 'a', '', '{}')`)
    connection = await connectMysql(db.options)
  })
  afterAll(async () => {
    await connection.close()
    await db.drop()
  })

  it('answers every probe in one read-only query, counting the rows of real data', async () => {
    const probes: Probe[] = [
      { kind: 'rows', table: t },
      { kind: 'nulls', table: t, column: 'name' },
      { kind: 'non_null', table: t, column: 'qty' },
      { kind: 'longer_than', table: t, column: 'name', length: 5 },
      { kind: 'out_of_range', table: t, column: 'qty', min: '-32768', max: '32767' },
      { kind: 'out_of_range', table: t, column: 'qty', min: '-2147483648', max: '2147483647' },
      { kind: 'more_decimals', table: t, column: 'price', scale: 1 },
      { kind: 'holds_values', table: t, column: 'mood', values: ['b', 'c'] },
      { kind: 'holds_values', table: t, column: 'tags', values: ['y'] },
      { kind: 'duplicates', table: t, columns: ['name'] },
      { kind: 'not_convertible', table: t, column: 'note', from: { name: 'note', type: 'text', nullable: true }, to: col('note', 'int') },
      { kind: 'not_convertible', table: t, column: 'note', from: { name: 'note', type: 'text', nullable: true }, to: col('note', 'double') },
      { kind: 'not_convertible', table: t, column: 'note', from: { name: 'note', type: 'text', nullable: true }, to: col('note', 'date') },
      { kind: 'not_convertible', table: t, column: 'doc', from: { name: 'doc', type: 'text', nullable: true }, to: col('doc', 'json') },
      { kind: 'not_convertible', table: t, column: 'name', from: { name: 'name', type: 'text', nullable: true }, to: col('name', 'enum', { enumValues: ['short'] }) },
      { kind: 'not_convertible', table: t, column: 'name', from: { name: 'name', type: 'text', nullable: true }, to: col('name', 'geometry') },
    ]
    const before = connection.queryCount
    const results = await mysqlDialectAt(connection.server).measure(connection, probes, { rowLimit: 1000 })
    expect(connection.queryCount - before).toBe(1)
    expect(results.map((r) => r?.count)).toEqual([5, 1, 4, 1, 2, 1, 2, 2, 2, 1, 3, 2, 5, 1, 1, undefined])
    expect(results.every((r) => r === undefined || r.complete)).toBe(true)
    expect(results[0]!.estimate).toEqual(expect.any(Number))
  })

  it('counts text numbers out of an integer or decimal range as not converting, as strict mode refuses them', async () => {
    await db.query('CREATE TABLE amounts (id int PRIMARY KEY, price varchar(40) NULL)')
    await db.query(`INSERT INTO amounts VALUES (1, '12'), (2, '300'), (3, ' -7 '), (4, '99999999.994'), (5, '99999999.995'),
      (6, '123456789012'), (7, '2147483648'), (8, 'abc'), (9, NULL), (10, '-5e3')`)
    const from = { name: 'price', type: 'varchar', length: 40, nullable: true }
    const targets: [ReturnType<typeof col>, number][] = [
      [col('price', 'tinyint unsigned'), 8],
      [col('price', 'int'), 6],
      [col('price', 'decimal', { precision: 10, scale: 2 }), 4],
    ]
    for (const [to, count] of targets) {
      const probe: Probe = { kind: 'not_convertible', table: { name: 'amounts' }, column: 'price', from, to }
      const [result] = await mysqlDialectAt(connection.server).measure(connection, [probe], { rowLimit: 1000 })
      expect([to.type, result?.count]).toEqual([to.type, count])
      // The rows counted are those the ALTER refuses: without them it goes through.
      await db.query('CREATE TABLE converted AS SELECT * FROM amounts')
      await db.query(`DELETE FROM converted WHERE price IS NOT NULL AND ${probeCondition(probe, '`price`')}`)
      const type = to.precision === undefined ? to.type : `${to.type}(${to.precision},${to.scale})`
      await db.query(`ALTER TABLE converted MODIFY price ${type} NULL`)
      await db.query('DROP TABLE converted')
    }
  })

  it('counts values out of range or with more decimal places together, for a type that narrows both ways', async () => {
    // price holds 1.5, 2.1234, 3.0, NULL and 9.99.
    const both: Probe[] = [
      { kind: 'out_of_range', table: t, column: 'price', min: '-99.9', max: '99.9', scale: 1 },
      { kind: 'out_of_range', table: t, column: 'price', min: '-2.9', max: '2.9', scale: 1 },
      { kind: 'out_of_range', table: t, column: 'price', min: '-99.9', max: '99.9' },
    ]
    const results = await mysqlDialectAt(connection.server).measure(connection, both, { rowLimit: 1000 })
    expect(results.map((r) => r?.count)).toEqual([2, 3, 0])
  })

  it('reads at most the row limit, and says when that was not the whole table', async () => {
    const results = await mysqlDialectAt(connection.server).measure(connection, [
      { kind: 'rows', table: t },
      { kind: 'non_null', table: t, column: 'name' },
    ], { rowLimit: 2 })
    expect(results).toEqual([expect.objectContaining({ count: 2, complete: false }), { count: 2, complete: false }])
  })
})
