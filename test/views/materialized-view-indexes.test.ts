import { compareProject } from '../../src/pipeline/compare-project'
import { expectCleanCycle, migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'
import * as e from './view-entities'

// A materialized view that a migration drops and creates again gets its indexes back, in up and in down,
// whether an entity declares it (its @Index) or not (the indexes the database has); one that stays gets the
// indexes its entity adds, and loses those it removes.
describe('indexes of materialized views on postgres', () => {
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

  const richIndexes = `SELECT indexdef FROM pg_indexes WHERE tablename = 'rich_emp' ORDER BY indexname`
  const salaryIndex = { indexdef: expect.stringMatching(/^CREATE INDEX "IDX_\w+" ON public\.rich_emp USING btree \(salary\)$/) }
  const nameIndex = { indexdef: 'CREATE UNIQUE INDEX rich_emp_name ON public.rich_emp USING btree (name) WHERE (salary > 20)' }
  const richNames = async () => db.query('SELECT name FROM rich_emp ORDER BY name')

  it('creates a unique partial index the entity adds to the view, and drops it in down', async () => {
    const { up, rowsAfter } = await expectCleanCycle(db, [e.Employee, e.RichEmployee], [e.Employee, e.RichEmployeeUniqueName], 'IndexName', richIndexes)
    expect(up.map((op) => op.kind)).toEqual(['create_index'])
    expect(rowsAfter).toEqual([salaryIndex, nameIndex])
    expect(await richNames()).toEqual([{ name: 'ada' }, { name: 'bob' }])
  })

  it('makes an index of the view with the access method its entity declares, and compares it by that method', async () => {
    const { up, rowsAfter } = await expectCleanCycle(db, [e.Employee, e.RichEmployee], [e.Employee, e.RichEmployeeHashSalary], 'HashSalary', richIndexes)
    expect(up.map((op) => op.kind)).toEqual(['drop_index', 'create_index'])
    expect(rowsAfter).toEqual([{ indexdef: expect.stringMatching(/^CREATE INDEX "IDX_\w+" ON public\.rich_emp USING hash \(salary\)$/) }])
  })

  it('drops an index the entity removes from the view, and creates it again in down', async () => {
    const { up, rowsAfter } = await expectCleanCycle(db, [e.Employee, e.RichEmployee], [e.Employee, e.RichEmployeeUnindexed], 'Unindex', richIndexes)
    expect(up.map((op) => op.kind)).toEqual(['drop_index'])
    expect(rowsAfter).toEqual([])
    expect(await db.query(richIndexes)).toEqual([salaryIndex])
  })

  it('creates an added index once when a type change of a column the view reads re-creates the view', async () => {
    const { up, rowsAfter } = await expectCleanCycle(db, [e.Employee, e.RichEmployee], [e.EmployeeBigintSalary, e.RichEmployeeUniqueName], 'RetypeAndIndex', indexesQuery)
    expect(up.map((op) => op.kind)).toEqual(['drop_view', 'drop_view', 'alter_column', 'create_view', 'create_view'])
    expect(rowsAfter).toEqual([
      { tablename: 'report', indexdef: 'CREATE UNIQUE INDEX report_name ON public.report USING btree (name) WHERE (salary > 0)' },
      { tablename: 'rich_emp', ...salaryIndex }, { tablename: 'rich_emp', ...nameIndex },
    ])
    expect(await richNames()).toEqual([{ name: 'ada' }, { name: 'bob' }])
  })

  it('warns of the index changes of a view as of a table\'s, counting the view\'s rows', async () => {
    const messages = async (entities: Parameters<typeof projectFor>[1]) =>
      (await compareProject(projectFor(db, entities))).hazards.map((h) => `${h.code}: ${h.message}`)
    expect(await messages([e.Employee, e.RichEmployeeUniqueName])).toEqual([
      'ADD_UNIQUE: Adds unique index "rich_emp_name" on "public"."rich_emp" ("name"), which fails while values repeat among the rows where salary > 20 (no duplicate values of ("name")); remove the duplicates first.',
      'INDEX_WITHOUT_CONCURRENTLY: Creates index "rich_emp_name" on "public"."rich_emp" without CONCURRENTLY, which blocks refreshes of the materialized view while it builds (2 rows); on a big or busy materialized view, generate the migration with --online, which builds it CONCURRENTLY outside a transaction.',
    ])
    expect(await messages([e.Employee, e.RichEmployeeUnindexed])).toEqual([
      expect.stringMatching(/^DROP_INDEX: Drops index "IDX_\w+" on "public"\."rich_emp" \("salary"\); queries that filter/),
    ])
  })
})
