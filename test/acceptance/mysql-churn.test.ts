import { DataSource } from 'typeorm'
import { connectMysql } from '../../src/dialect/mysql/mysql-connection'
import { mysqlDialectAt } from '../../src/dialect/mysql/mysql-dialect'
import { diffSchemas } from '../../src/diff/diff-schemas'
import { readEntities } from '../../src/source/entity-metadata'
import { createMariaDbDatabase } from '../support/test-database'
import { mysqlChurnPatterns } from './mysql-churn-patterns'

// The churn probe: each pattern from TypeORM's issue history is created by TypeORM's own synchronize on
// MariaDB, then read as the CLI reads it (entities without connecting, normalized for the server, the
// database introspected and reconciled): the diff must find nothing to do.
describe('mysql churn probe: TypeORM synchronize, then no difference (MariaDB)', () => {
  it('has at least 20 patterns', () => {
    expect(mysqlChurnPatterns.length).toBeGreaterThanOrEqual(20)
  })

  it.each(mysqlChurnPatterns.map((p) => [`${p.name}${p.issue ? ` (${p.issue})` : ''}`, p] as const))('%s', async (_name, pattern) => {
    const db = await createMariaDbDatabase('churn')
    const synchronized = new DataSource({ ...db.options, entities: [...pattern.entities], synchronize: true, logging: false } as never)
    const connection = await connectMysql(db.options).catch(async (err) => {
      await db.drop()
      throw err
    })
    try {
      await synchronized.initialize()
      const dialect = mysqlDialectAt(connection.server)
      const entities = (await readEntities(new DataSource({ ...db.options, entities: [...pattern.entities] } as never))).model
      const actual = await dialect.introspect(connection, { ignoreTables: ['typeorm_metadata', 'migrations'] })
      const desired = await dialect.reconcile!(dialect.normalize(entities), actual, connection)
      expect(actual.tables.length).toBeGreaterThan(0)
      expect(diffSchemas(actual, desired, dialect.capabilities)).toEqual([])
    } finally {
      if (synchronized.isInitialized) await synchronized.destroy()
      await connection.close()
      await db.drop()
    }
  })
})
