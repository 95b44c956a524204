import { compareProject } from '../../src/pipeline/compare-project'
import { upgrade } from '../../src/runner/migration-runner'
import { summarizeChanges, summaryLines } from '../../src/render/change-summary'
import { changedObjects } from '../../src/render/run-summary'
import { reverseOperations } from '../../src/operations/reverse'
import { expectCleanCycle, migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { allDialects, createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'
import * as e from './view-entities'

describe.each(allDialects('viewhazards'))('view hazards on %s', (label, createDatabase) => {
  const view = (name: string) => `view ${label === 'postgres' ? '"public".' : ''}"${name}"`
  let db: TestDatabase
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, [e.Customer, e.Order, e.JoinView], 'Init')
    await db.query('CREATE VIEW report AS SELECT note FROM shop_order')
  })
  afterAll(async () => db?.drop())

  it('lists the views dropped and re-created around a change of what they read', async () => {
    const { hazards } = await compareProject(projectFor(db, [e.Customer, e.OrderRetyped, e.JoinView]))
    // A MySQL view is resolved again at each query: a type change leaves it alone.
    expect(hazards.filter((h) => h.code.startsWith('VIEW_')).map((h) => [h.code, h.severity, h.message])).toEqual(label === 'mariadb' ? [] : [[
      'VIEW_DEPENDENCY_RECREATED', 'info',
      expect.stringContaining(`Drops and re-creates ${view('report')}, ${view('v_join')} around the changes of what they read`),
    ]])
  })

  // A reporting view made by hand over Lightning.Pub's user_receiving_invoice was written into the migration that
  // rebuilt the table (DROP VIEW, CREATE VIEW): on a new database, where no such view is, `check --from-migrations`
  // failed at `no such view`, and the note said there was nothing to do.
  it('names the re-created views no entity declares, which a database without them fails on', async () => {
    const { hazards } = await compareProject(projectFor(db, [e.Customer, e.OrderRetyped, e.JoinView]))
    const [recreated] = hazards.filter((h) => h.code === 'VIEW_DEPENDENCY_RECREATED')
    if (label === 'mariadb') return expect(recreated).toBeUndefined()
    expect(recreated!.message).toContain(`no entity declares ${view('report')}: the migration makes it again as this database has it, ` +
      'and fails on a database that lacks it (one made by hand here, not by a migration)')
    expect(recreated!.message).toContain('make such a view in a migration of its own, so that every database has it, or declare it with @ViewEntity')
    expect(recreated!.message.split('no entity declares')[1]).not.toContain('v_join')
  })

  it('drops for good, with VIEW_DROPPED, the views that read a dropped table and that no entity declares', async () => {
    const { up, hazards } = await compareProject(projectFor(db, [e.Customer]))
    expect(up.filter((op) => op.kind.endsWith('_view')).map((op) => op.kind)).toEqual(['drop_view', 'drop_view'])
    expect(hazards.filter((h) => h.code === 'VIEW_DROPPED').map((h) => h.message)).toEqual([
      expect.stringContaining(`Drops ${view('report')} for good`),
      expect.stringContaining(`Drops ${view('v_join')} for good`),
    ])
  })

  it('drops for good, with VIEW_DROPPED, a view that reads a column the migration drops, and applies', async () => {
    const entities = [e.Customer, e.OrderWithoutNote, e.JoinView]
    const { hazards } = await compareProject(projectFor(db, entities))
    expect(hazards.filter((h) => h.code === 'VIEW_DROPPED').map((h) => h.message)).toEqual([expect.stringContaining(`Drops ${view('report')} for good`)])
    await migrateTo(db, entities, 'DropNote')
    expect(await pendingChanges(db, entities)).toEqual([])
  })
})

describe('materialized views on postgres', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('matviews')
    await migrateTo(db, [e.Customer, e.Order], 'Init')
    await db.query(`INSERT INTO shop_customer (name) VALUES ('ada')`)
    await db.query(`INSERT INTO shop_order (customer_id, total) VALUES (1, 5), (1, 7)`)
  })
  afterAll(async () => db?.drop())

  it('creates one with its index, says it runs its query, and keeps it through a type change of what it reads', async () => {
    const { hazards } = await compareProject(projectFor(db, [e.Customer, e.Order, e.SpentMaterialized]))
    expect(hazards.map((h) => h.code)).toEqual(['MATERIALIZED_VIEW_REFRESH'])
    await expectCleanCycle(db, [e.Customer, e.Order], [e.Customer, e.Order, e.SpentMaterialized], 'AddSpent', 'SELECT id FROM shop_order')
    await upgrade(projectFor(db, [e.Customer, e.Order, e.SpentMaterialized]))
    expect(await db.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'mv_spent'`)).toEqual([{ indexname: 'IDX_mv_spent_customer' }])
    expect(await db.query('SELECT spent FROM mv_spent')).toEqual([{ spent: '12' }])

    const retyped = [e.Customer, e.OrderRetyped, e.SpentMaterialized]
    const refresh = (await compareProject(projectFor(db, retyped))).hazards.filter((h) => h.code === 'MATERIALIZED_VIEW_REFRESH')
    expect(refresh.map((h) => h.measurement?.count)).toEqual([1])
    const { up } = await expectCleanCycle(db, [e.Customer, e.Order, e.SpentMaterialized], retyped, 'RetypeOrder', 'SELECT id FROM shop_order')
    expect(up.map((op) => op.kind)).toEqual(['drop_view', 'alter_column', 'alter_column', 'create_view'])
    await upgrade(projectFor(db, retyped))
    expect(await pendingChanges(db, retyped)).toEqual([])
    expect(await db.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'mv_spent'`)).toEqual([{ indexname: 'IDX_mv_spent_customer' }])
  })
})

describe('materialized views created on an empty postgres database', () => {
  // The first migration creates the tables a materialized view reads: they hold no rows, its query has nothing to run on.
  let db: TestDatabase
  beforeAll(async () => { db = await createPostgresDatabase('matviewinit') })
  afterAll(async () => db?.drop())

  it('creates them with their tables without MATERIALIZED_VIEW_REFRESH, and warns once a table exists', async () => {
    const { up, hazards } = await compareProject(projectFor(db, [e.Customer, e.Order, e.SpentMaterialized]))
    expect(up.filter((op) => op.kind === 'create_view')).toHaveLength(1)
    expect(hazards.map((h) => h.code)).toEqual([])
    await migrateTo(db, [e.Customer, e.Order], 'Init')
    const later = await compareProject(projectFor(db, [e.Customer, e.Order, e.SpentMaterialized]))
    expect(later.hazards.map((h) => h.code)).toEqual(['MATERIALIZED_VIEW_REFRESH'])
  })

  it('names a materialized view whose index alone changes a materialized view in the summary, not a table', async () => {
    await migrateTo(db, [e.Customer, e.Order, e.SpentMaterializedUnindexed], 'AddSpent')
    const { up } = await compareProject(projectFor(db, [e.Customer, e.Order, e.SpentMaterialized]))
    expect(summaryLines(summarizeChanges(up))).toEqual([
      '~ materialized view "public"."mv_spent"',
      '    + index "IDX_mv_spent_customer" (customer_id) unique',
    ])
    expect(changedObjects(up)).toBe('1 view changed')
    expect(changedObjects(reverseOperations(up))).toBe('1 view changed')
  })
})

describe('a materialized view whose own definition changes on postgres', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('matviewown')
    await migrateTo(db, [e.Customer, e.Order, e.SpentMaterialized], 'Init')
  })
  afterAll(async () => db?.drop())

  it('is re-created without being called re-created around a change of what it reads', async () => {
    const { up, hazards } = await compareProject(projectFor(db, [e.Customer, e.Order, e.SpentMaterializedChanged]))
    expect(up.filter((op) => op.kind.endsWith('_view')).map((op) => op.kind)).toEqual(['drop_view', 'create_view'])
    expect(hazards.map((h) => h.code)).toEqual(['MATERIALIZED_VIEW_REFRESH'])
  })
})

describe('SQLite views reading some columns', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createSqliteDatabase()
    await migrateTo(db, [e.Customer, e.Order], 'Init')
    await db.query('CREATE VIEW notes AS SELECT note FROM shop_order')
    await db.query('CREATE VIEW totals AS SELECT SUM(total) AS total FROM shop_order')
  })
  afterAll(async () => db?.drop())

  it('drops for good the view naming a dropped column, and leaves the others alone', async () => {
    const { up } = await expectCleanCycle(db, [e.Customer, e.Order], [e.Customer, e.OrderWithoutNote], 'DropNote', 'SELECT id FROM shop_order')
    expect(up.map((op) => `${op.kind} ${op.kind === 'drop_view' ? op.view.name : ''}`.trim())).toEqual(['drop_view notes', 'drop_column'])
    await upgrade(projectFor(db, [e.Customer, e.OrderWithoutNote]))
    expect(await db.query('SELECT total FROM totals')).toEqual([{ total: null }])
  })
})

describe('a view reading an enum column on postgres, when a label is added', () => {
  // Up adds the label in place; down removes it by rebuilding the type, which retypes the column the view
  // reads ("cannot alter type of a column used by a view or rule"): the view is dropped and re-created in both.
  let db: TestDatabase
  beforeAll(async () => { db = await createPostgresDatabase('enumview') })
  afterAll(async () => db?.drop())

  it('goes up and down, the view and its rows back each time', async () => {
    await migrateTo(db, [e.Ticket], 'Init')
    await db.query(`INSERT INTO ticket (state) VALUES ('open'), ('closed')`)
    await db.query(`CREATE VIEW open_tickets AS SELECT id, state FROM ticket WHERE state = 'open'`)
    const { up } = await expectCleanCycle(db, [e.Ticket], [e.TicketWithLabel], 'AddLabel', 'SELECT id, state::text FROM open_tickets')
    expect(up.map((op) => op.kind)).toEqual(['drop_view', 'alter_enum', 'create_view'])
  })
})
