import { expectCleanCycle, migrateTo } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'
import * as e from './view-entities'

// A materialized view that a migration drops and creates again gets its indexes back, in up and in down,
// whether an entity declares it (its @Index) or not (the indexes the database has).
describe('indexes of materialized views re-created by a migration on postgres', () => {
  const indexesQuery = `SELECT tablename, indexdef FROM pg_indexes WHERE tablename IN ('rich_emp', 'report') ORDER BY tablename, indexname`
  let db: TestDatabase
  // Each test reverts its migration and leaves its file: each starts from a database of its own.
  beforeEach(async () => {
    db = await createPostgresDatabase('mvindexes')
    await migrateTo(db, [e.Employee, e.RichEmployee], 'Init')
    await db.query(`INSERT INTO emp (name, salary) VALUES ('ada', 30), ('bob', 15), ('cy', 5)`)
    await db.query('REFRESH MATERIALIZED VIEW rich_emp')
    await db.query('CREATE MATERIALIZED VIEW report AS SELECT name, salary FROM emp')
    await db.query('CREATE UNIQUE INDEX report_name ON report (name) WHERE salary > 0')
  })
  afterEach(async () => db?.drop())

  const expectIndexesOfBothViews = (rows: readonly unknown[]) => expect(rows).toEqual([
    { tablename: 'report', indexdef: 'CREATE UNIQUE INDEX report_name ON public.report USING btree (name) WHERE (salary > 0)' },
    { tablename: 'rich_emp', indexdef: expect.stringMatching(/^CREATE INDEX "IDX_\w+" ON public\.rich_emp USING btree \(salary\)$/) },
  ])

  it('keeps them through a type change of a column both views read', async () => {
    const before = await db.query(indexesQuery)
    expectIndexesOfBothViews(before)
    const { up, rowsAfter } = await expectCleanCycle(db, [e.Employee, e.RichEmployee], [e.EmployeeBigintSalary, e.RichEmployee], 'RetypeSalary', indexesQuery)
    expect(up.map((op) => op.kind)).toEqual(['drop_view', 'drop_view', 'alter_column', 'create_view', 'create_view'])
    expect(rowsAfter).toEqual(before)
  })

  it('keeps them when the entity changes the view definition', async () => {
    const before = await db.query(indexesQuery)
    const { up, rowsAfter } = await expectCleanCycle(db, [e.Employee, e.RichEmployee], [e.Employee, e.RicherEmployee], 'RicherOnly', indexesQuery)
    expect(up.map((op) => op.kind)).toEqual(['drop_view', 'create_view'])
    expect(rowsAfter).toEqual(before)
    expect(await db.query('SELECT name FROM rich_emp ORDER BY name')).toEqual([{ name: 'ada' }, { name: 'bob' }])
  })
})
