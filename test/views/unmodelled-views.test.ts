import { expectCleanCycle, migrateTo } from '../support/migration-cycle'
import { allDialects, type TestDatabase } from '../support/test-database'
import * as e from './view-entities'

// A view entity the tool cannot model (a query builder with parameters, an expression that needs a
// connection) is left as the database has it, and still kept alive when a migration changes a column it
// reads: PostgreSQL refuses the type change under it ('cannot alter type of a column used by a view or
// rule'), and SQLite's table rebuild would leave it reading a table that is gone. daily.dev's API has three
// such materialized views over its post table.

describe.each(allDialects('unmodelledviews'))('views it cannot model, on %s', (label, createDatabase) => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createDatabase()
    await migrateTo(db, [e.Customer, e.Order], 'Init')
    await db.query(`INSERT INTO shop_order (customer_id, total, note) VALUES (1, 150, 'gift'), (1, 20, NULL), (2, 500, 'x')`)
    await db.query('CREATE VIEW v_big_orders AS SELECT id FROM shop_order WHERE total > 100')
    await db.query('CREATE VIEW v_needs_connection AS SELECT id, note FROM shop_order')
  })
  afterEach(async () => db?.drop())

  it('keeps them through a change of the columns they read, and restores them on down', async () => {
    const views = [e.ParameterizedView, e.NeedsConnectionView]
    const rows = 'SELECT b.id, n.note FROM v_big_orders b JOIN v_needs_connection n ON n.id = b.id ORDER BY b.id'
    const { up, rowsAfter } = await expectCleanCycle(db, [e.Customer, e.Order, ...views], [e.Customer, e.OrderRetyped, ...views], 'RetypeOrder', rows)
    const viewOps = up.flatMap((op) => (op.kind === 'drop_view' || op.kind === 'create_view' ? [`${op.kind} ${op.view.name}`] : []))
    // A MySQL view is resolved again at each query: a type change leaves it alone.
    if (label !== 'mariadb') expect(viewOps.sort()).toEqual(['create_view v_big_orders', 'create_view v_needs_connection', 'drop_view v_big_orders', 'drop_view v_needs_connection'])
    expect(rowsAfter.map((r) => Number((r as { id: unknown }).id))).toEqual([1, 3])
  })
})
