import { connectMysql, type MysqlConnection } from '../../../src/dialect/mysql/mysql-connection'
import { mysqlDialectAt } from '../../../src/dialect/mysql/mysql-dialect'
import { canonicalMysqlExpression } from '../../../src/dialect/mysql/mysql-expressions'
import { reconcileMysql } from '../../../src/dialect/mysql/mysql-reconcile'
import type { SchemaModel } from '../../../src/model/schema-model'
import { createMariaDbDatabase, type TestDatabase } from '../../support/test-database'

describe('check expressions compared as MariaDB reads them', () => {
  let db: TestDatabase
  let connection: MysqlConnection
  let actual: SchemaModel
  beforeAll(async () => {
    db = await createMariaDbDatabase('checkreconcile')
    await db.query(`CREATE TABLE stock (id int PRIMARY KEY, qty int,
      CONSTRAINT chk_nested CHECK (((qty + 1) * (qty - 1)) >= 0), CONSTRAINT chk_cap CHECK (qty < 1000))`)
    connection = await connectMysql(db.options)
    actual = await mysqlDialectAt(connection.server).introspect(connection, { ignoreTables: [] })
  })
  afterAll(async () => {
    await connection?.close()
    await db?.drop()
  })

  /** desiredWith: the database's model whose table has the checks as an entity writes them. */
  const desiredWith = (...texts: string[]): SchemaModel => ({
    ...actual,
    tables: actual.tables.map((t) => ({ ...t, checks: texts.map((text, i) => ({ name: `chk_${i}`, expression: canonicalMysqlExpression(text), expressionSql: text })) })),
  })
  const expressions = (model: SchemaModel) => model.tables[0]!.checks.map((c) => c.expression)

  it('gives an entity check the database expression the server reads alike, in one EXPLAIN per unmatched expression', async () => {
    const desired = desiredWith('((qty + 1) * (qty - 1)) >= 0', 'qty < 1000')
    const stored = actual.tables[0]!.checks.find((c) => c.name === 'chk_nested')!.expression
    expect(expressions(desired)[0]).not.toBe(stored)
    const before = connection.queryCount
    const settled = await reconcileMysql(desired, actual, connection)
    expect(expressions(settled)).toEqual([stored, canonicalMysqlExpression('qty < 1000')])
    expect(connection.queryCount - before).toBe(4) // EXPLAIN and SHOW WARNINGS for each side of the one pair
    expect((await db.query<Record<string, string>>('SHOW TABLES')).map((r) => Object.values(r)[0])).toEqual(['stock'])
  })

  it('leaves a check that reads otherwise, or that the server refuses, as written', async () => {
    const desired = desiredWith('((qty + 1) * (qty - 2)) >= 0', 'qty < 1000', 'missing_column > 0')
    expect(expressions(await reconcileMysql(desired, actual, connection))).toEqual(expressions(desired))
  })

  it('matches no check or view on a table of at most one row that MyISAM reads while optimizing', async () => {
    const connection = await connectMysql(db.options)
    try {
      for (const rows of [0, 1]) {
        await db.query('DROP TABLE IF EXISTS tiny')
        await db.query('CREATE TABLE tiny (id int PRIMARY KEY, qty int, CONSTRAINT chk_cap CHECK (qty < 1000)) ENGINE=MyISAM')
        if (rows === 1) await db.query('INSERT INTO tiny VALUES (1, 5)')
        const model = await mysqlDialectAt(connection.server).introspect(connection, { ignoreTables: ['stock'] })
        const desired = { ...model, tables: model.tables.map((t) => ({ ...t, checks: [{ name: 'chk_0', expression: canonicalMysqlExpression('qty > 0'), expressionSql: 'qty > 0' }] })) }
        expect(expressions(await reconcileMysql(desired, model, connection))).toEqual(['qty>0'])
        // Views are compared the same way, and two different views of that table printed alike too.
        await db.query('CREATE OR REPLACE VIEW v_tiny AS SELECT id FROM tiny WHERE qty < 1000')
        const withView = await mysqlDialectAt(connection.server).introspect(connection, { ignoreTables: ['stock'] })
        const other = 'SELECT id FROM tiny WHERE qty > 0'
        const desiredView = { ...withView, views: withView.views.map((v) => ({ ...v, definition: canonicalMysqlExpression(other), definitionSql: other })) }
        expect((await reconcileMysql(desiredView, withView, connection)).views[0]!.definition).toBe(canonicalMysqlExpression(other))
        await db.query('DROP VIEW v_tiny')
      }
    } finally {
      await connection.close()
    }
  })

  it('asks MySQL 8 with EXPLAIN and MariaDB with EXPLAIN EXTENDED (the statements sent, per server)', async () => {
    const desired = desiredWith('((qty + 1) * (qty - 1)) >= 0', 'qty < 1000')
    for (const product of ['mysql', 'mariadb'] as const) {
      const sent: string[] = []
      const recording = {
        ...connection,
        server: { ...connection.server, product, version: product === 'mysql' ? [8, 0, 36] : connection.server.version },
        query: <Row>(sql: string) => {
          sent.push(sql)
          return connection.query<Row>(sql)
        },
      } as unknown as MysqlConnection
      await reconcileMysql(desired, actual, recording)
      const explain = product === 'mysql' ? 'EXPLAIN SELECT 1 FROM `stock` WHERE' : 'EXPLAIN EXTENDED SELECT 1 FROM `stock` WHERE'
      expect(sent.map((q) => q.split(' (')[0])).toEqual([explain, 'SHOW WARNINGS', explain, 'SHOW WARNINGS'])
    }
  })

  it('asks nothing when every check matches', async () => {
    const before = connection.queryCount
    await reconcileMysql(actual, actual, connection)
    expect(connection.queryCount - before).toBe(0)
  })
})
