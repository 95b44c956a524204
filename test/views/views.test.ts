import { upgrade } from '../../src/runner/migration-runner'
import { expectCleanCycle, migrateTo, pendingChanges, projectFor, type EntityList } from '../support/migration-cycle'
import { allDialects, type TestDatabase } from '../support/test-database'
import * as e from './view-entities'

const tables: EntityList = [e.Customer, e.Order]
const customers = 'SELECT id, name FROM shop_customer ORDER BY id'

describe.each(allDialects('views'))('views on %s', (label, createDatabase) => {
  let db: TestDatabase
  const viewForms = e.viewFormsOn(label)
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, tables, 'Init')
    await db.query(`INSERT INTO shop_customer (name) VALUES ('ada'), ('it''s')`)
    await db.query(`INSERT INTO shop_order (customer_id, total, note) VALUES (1, 150, 'gift'), (1, 20, NULL), (2, 5, 'x')`)
  })
  afterAll(async () => db?.drop())

  it('creates every view form, dependencies first, and finds no difference afterwards', async () => {
    const { up } = await expectCleanCycle(db, tables, [...tables, ...viewForms], 'AddViews', customers)
    expect(up.every((op) => op.kind === 'create_view')).toBe(true)
    const names = up.map((op) => (op.kind === 'create_view' ? op.view.name : ''))
    expect(names.indexOf('v_spent')).toBeLessThan(names.indexOf('v_on_view'))
    await upgrade(projectFor(db, [...tables, ...viewForms]))
    expect(await pendingChanges(db, [...tables, ...viewForms])).toEqual([])
    expect(await db.query('SELECT customer_id FROM v_on_view')).toEqual([{ customer_id: 1 }])
    expect(await db.query(`SELECT name FROM v_lower`)).toEqual([{ name: 'ada' }, { name: "it's" }])
    expect((await db.query('SELECT id FROM v_exists ORDER BY id')).map((r) => Number((r as { id: unknown }).id))).toEqual([0, 1, 2])
  })

  it('replaces a view whose definition changes, and the view built on it keeps working', async () => {
    const before = [...tables, ...viewForms]
    const after = [...tables, ...viewForms.map((v) => (v === e.SpentView ? e.SpentViewChanged : v))]
    const { up } = await expectCleanCycle(db, before, after, 'ChangeSpent', customers)
    expect(up.map((op) => op.kind)).toEqual(label === 'postgres' ? ['replace_view'] : ['drop_view', 'drop_view', 'create_view', 'create_view'])
    await upgrade(projectFor(db, after))
    expect(await pendingChanges(db, after)).toEqual([])
    expect(await db.query('SELECT customer_id FROM v_on_view')).toEqual([{ customer_id: 1 }])
  })

  it('drops and re-creates a view whose columns change, with the views built on it', async () => {
    const before = [...tables, ...viewForms.map((v) => (v === e.SpentView ? e.SpentViewChanged : v))]
    const after = [...tables, ...viewForms.map((v) => (v === e.SpentView ? e.SpentViewWider : v))]
    const { up } = await expectCleanCycle(db, before, after, 'WidenSpent', customers)
    expect(up.map((op) => [op.kind, op.kind === 'drop_view' || op.kind === 'create_view' ? op.view.name : ''])).toEqual([
      ['drop_view', 'v_on_view'], ['drop_view', 'v_spent'], ['create_view', 'v_spent'], ['create_view', 'v_on_view'],
    ])
    await upgrade(projectFor(db, after))
    expect(await pendingChanges(db, after)).toEqual([])
  })

  it('keeps a view no entity declares through a change of a column it reads, and restores it on down', async () => {
    const before = [...tables, ...viewForms.map((v) => (v === e.SpentView ? e.SpentViewWider : v))]
    const after = before.map((entity) => (entity === e.Order ? e.OrderRetyped : entity))
    await db.query('CREATE VIEW report AS SELECT c.name, o.total, o.note FROM shop_customer c JOIN shop_order o ON o.customer_id = c.id')
    await db.query('CREATE VIEW report_total AS SELECT SUM(total) AS total FROM report')
    const reported = 'SELECT name, note FROM report ORDER BY name, note'
    const rows = await db.query(reported)
    const { up } = await expectCleanCycle(db, before, after, 'RetypeOrder', reported)
    const views = up.flatMap((op) => (op.kind === 'drop_view' || op.kind === 'create_view' ? [`${op.kind} ${op.view.name}`] : []))
    if (label === 'mariadb') {
      // A MySQL view is resolved again at each query: a type change leaves it alone.
      expect(views).toEqual([])
    } else {
      expect(views).toContain('drop_view report_total')
      expect(views.indexOf('drop_view report_total')).toBeLessThan(views.indexOf('drop_view report'))
      expect(views.indexOf('create_view report')).toBeLessThan(views.indexOf('create_view report_total'))
    }
    await upgrade(projectFor(db, after))
    expect(await pendingChanges(db, after)).toEqual([])
    expect(await db.query(reported)).toEqual(rows)
    expect((await db.query('SELECT total FROM report_total')).map((r) => Number((r as { total: unknown }).total))).toEqual([175])
  })
})
