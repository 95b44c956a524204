import { EntitySchema } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'

// A schema no entity uses is not read. When the last entity of a schema was removed, or the entities of a schema
// moved to another, its tables were not read either: the removed table stayed, and a moved entity got a new empty
// table while its rows stayed behind, without a word. The tables the last generate's entities had there (its
// snapshot) are read now, and only those.
const user = new EntitySchema({ name: 'User', tableName: 'user', columns: { id: { type: 'int', primary: true } } })
const product = (schema: string) => new EntitySchema({
  name: 'Product', tableName: 'product', schema, columns: { id: { type: 'int', primary: true }, title: { type: 'varchar', length: 40 }, price: { type: 'int' } },
})

describe('postgres: the tables of a schema no entity uses any more', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createPostgresDatabase('formerschemas')
  })
  afterEach(async () => db?.drop())

  it('drops a table whose entity was the schema\'s last, and leaves the schema\'s other tables alone', async () => {
    await migrateTo(db, [user, product('catalog')], 'Init')
    await db.query(`INSERT INTO catalog.product VALUES (1, 'lamp', 5)`)
    await db.query(`CREATE TABLE catalog.other_app (id int)`)
    const up = await pendingChanges(db, [user])
    expect(up.map((op) => `${op.kind} ${'table' in op ? (typeof op.table === 'object' && 'name' in op.table ? `${op.table.schema}.${op.table.name}` : '') : ''}`)).toEqual(['drop_table catalog.product'])
    await migrateTo(db, [user], 'DropProduct')
    expect(await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'catalog'`)).toEqual([{ table_name: 'other_app' }])
  })

  it('asks whether a table whose schema no entity uses any more moved to the schema its entity names now', async () => {
    await migrateTo(db, [user, product('catalog')], 'Init')
    const comparison = await compareProject(projectFor(db, [user, product('sales')]))
    expect(comparison.suspectedRenames.map((r) => r.description)).toEqual(['catalog.product may have been moved to sales.product'])
  })
})
