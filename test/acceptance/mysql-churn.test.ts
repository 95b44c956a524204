import { DataSource } from 'typeorm'
import { connectMysql } from '../../src/dialect/mysql/mysql-connection'
import { mysqlDialectAt } from '../../src/dialect/mysql/mysql-dialect'
import { diffSchemas } from '../../src/diff/diff-schemas'
import type { Operation } from '../../src/operations/operation'
import type { SchemaModel } from '../../src/model/schema-model'
import { readEntities } from '../../src/source/entity-metadata'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'
import { type MysqlChurnPattern, mysqlChurnPatterns } from './mysql-churn-patterns'

// The churn probe: each pattern from TypeORM's issue history is created by TypeORM's own synchronize on
// MariaDB, then read as the CLI reads it (entities without connecting, normalized for the server, the
// database introspected and reconciled): the diff must find nothing to do.

/** diffAfterSynchronize creates the pattern with TypeORM's synchronize, runs `alter` on it, and diffs it against its entities. */
async function diffAfterSynchronize(
  pattern: MysqlChurnPattern,
  alter: (db: TestDatabase) => Promise<unknown> = async () => undefined,
  type: 'mariadb' | 'mysql' = 'mariadb',
): Promise<{ actual: SchemaModel; ops: Operation[] }> {
  const db = await createMariaDbDatabase('churn')
  const options = { ...db.options, type }
  const synchronized = new DataSource({ ...options, entities: [...pattern.entities], synchronize: true, logging: false } as never)
  try {
    await synchronized.initialize()
    await alter(db)
    const connection = await connectMysql(db.options)
    try {
      const dialect = mysqlDialectAt(connection.server)
      const entities = (await readEntities(new DataSource({ ...options, entities: [...pattern.entities] } as never))).model
      const actual = await dialect.introspect(connection, { ignoreTables: ['typeorm_metadata', 'migrations'] })
      const desired = await dialect.reconcile!(dialect.normalize(entities, options as never), actual, connection)
      return { actual, ops: diffSchemas(actual, desired, dialect.capabilities) }
    } finally {
      await connection.close()
    }
  } finally {
    if (synchronized.isInitialized) await synchronized.destroy()
    await db.drop()
  }
}

describe('mysql churn probe: TypeORM synchronize, then no difference (MariaDB)', () => {
  it('has at least 20 patterns', () => {
    expect(mysqlChurnPatterns.length).toBeGreaterThanOrEqual(20)
  })

  it.each(mysqlChurnPatterns.map((p) => [`${p.name}${p.issue ? ` (${p.issue})` : ''}`, p] as const))('%s', async (_name, pattern) => {
    const { actual, ops } = await diffAfterSynchronize(pattern)
    expect(actual.tables.length).toBeGreaterThan(0)
    expect(ops).toEqual([])
  })

  it.each(mysqlChurnPatterns.filter((p) => /uuid|json/.test(p.name)).map((p) => [p.name, p] as const))(
    'with a `mysql` DataSource on MariaDB (varchar(36) uuids): %s', async (_name, pattern) => {
      const { actual, ops } = await diffAfterSynchronize(pattern, undefined, 'mysql')
      expect(actual.tables.length).toBeGreaterThan(0)
      expect(ops).toEqual([])
    })

  it('a boolean the database holds as tinyint(1) (older TypeORM, other tools) is no difference either', async () => {
    const booleans = mysqlChurnPatterns.find((p) => p.name.startsWith('booleans'))!
    const { actual, ops } = await diffAfterSynchronize(booleans, (db) => db.query('ALTER TABLE p12 MODIFY active tinyint(1) NOT NULL'))
    expect(actual.tables[0]!.columns.find((c) => c.name === 'active')).toMatchObject({ type: 'tinyint', length: 1 })
    expect(ops).toEqual([])
  })
})
