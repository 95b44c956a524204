import { connectPostgres } from '../../src/dialect/postgres/postgres-connection'
import { postgresDialect } from '../../src/dialect/postgres/postgres-dialect'
import { reconcileViews } from '../../src/dialect/postgres/postgres-view-reconcile'
import { compareProject } from '../../src/pipeline/compare-project'
import { readEntities } from '../../src/source/entity-metadata'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { allDialects, createPostgresDatabase, type TestDatabase } from '../support/test-database'
import * as e from './view-entities'

describe.each(allDialects('viewsettings'))('view settings on %s', (_label, createDatabase) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, [e.Customer, e.Order], 'Init')
  })
  afterAll(async () => db?.drop())

  it.each([
    ['it cannot build without a connection', 'v_needs_connection', 'SELECT id FROM shop_customer', e.NeedsConnectionView,
      'left view "v_needs_connection" alone: its expression cannot be built without a connection (no connection yet); write it as an SQL string'],
    ['whose query builder has parameters', 'v_big_orders', 'SELECT id FROM shop_order WHERE total > 100', e.ParameterizedView,
      'left view "v_big_orders" alone: its query builder has parameters (:minimum, :...customers), which TypeORM writes into CREATE VIEW unbound and the database refuses; write their values into the expression'],
  ])('reports a view %s once, and leaves the database view of that name alone', async (_case, name, select, view, warning) => {
    await db.query(`CREATE VIEW ${name} AS ${select}`)
    const comparison = await compareProject(projectFor(db, [e.Customer, e.Order, view]))
    expect(comparison.up).toEqual([])
    expect(comparison.warnings.map((w) => w.message).filter((w) => w.includes(name))).toEqual([warning])
  })

  it('leaves views named in ignoreTables alone, declared or not', async () => {
    const project = projectFor(db, [e.Customer, e.Order, e.ColumnsView], { ignoreTables: ['v_columns', 'v_needs_connection', 'v_big_orders'] })
    expect((await compareProject(project)).up).toEqual([])
  })
})

describe('the PostgreSQL view reconciliation', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('viewreconcile')
    await migrateTo(db, [e.Customer, e.Order, e.JoinView], 'Init')
  })
  afterAll(async () => db?.drop())

  it('settles a view written differently through a temporary view it rolls back, leaving the session read-only', async () => {
    const connection = await postgresDialect.connect(db.options)
    try {
      const actual = await postgresDialect.introspect(connection, { ignoreTables: [] })
      const entities = await readEntities(projectFor(db, [e.Customer, e.Order, e.JoinView]).dataSource)
      const desired = postgresDialect.normalize(entities.model, db.options)
      expect(desired.views[0]!.definition).not.toBe(actual.views[0]!.definition)
      const settled = await reconcileViews(desired, actual, connection)
      expect(settled.views[0]!.definition).toBe(actual.views[0]!.definition)
      expect(settled.views[0]!.columns).toEqual(actual.views[0]!.columns)
      expect(await connection.query(`SELECT relname FROM pg_class WHERE relname LIKE 'autogen_view_probe_%'`)).toEqual([])
      expect(await connection.query('SHOW transaction_read_only')).toEqual([{ transaction_read_only: 'on' }])
    } finally {
      await connection.close()
    }
  })

  it.each([
    ['refuses', 'SELECT nothing FROM nowhere'],
    ['cannot parse', 'SELECT id FROM shop_order WHERE total > :minimum'],
  ])('leaves a definition the server %s as written', async (_refusal, definition) => {
    const connection = await connectPostgres(db.options)
    try {
      const actual = await postgresDialect.introspect(connection, { ignoreTables: [] })
      const broken = { ...actual, views: actual.views.map((v) => ({ ...v, definition, definitionSql: definition })) }
      expect((await reconcileViews(broken, actual, connection)).views[0]!.definition).toBe(definition)
      expect(await connection.query('SHOW transaction_read_only')).toEqual([{ transaction_read_only: 'on' }])
    } finally {
      await connection.close()
    }
  })
})
