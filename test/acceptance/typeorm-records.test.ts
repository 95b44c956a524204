import { Column, DataSource, Entity, PrimaryGeneratedColumn, ViewColumn, ViewEntity } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// TypeORM reads the expression of a generated column and the definition of a view from its typeorm_metadata
// table: our migrations keep those rows, so that TypeORM's own schema builder finds nothing to change after
// them (without the rows it dropped and re-added the column, and created the view again).

const q = (label: string, name: string) => (label === 'mariadb' ? name : `"${name}"`)

function entitiesFor(label: string, version: 1 | 2) {
  const expression = version === 1 ? `${q(label, 'price')} * 2` : `${q(label, 'price')} * 3`
  @Entity('item')
  class Item {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'int' }) price: number
    @Column({ type: 'int', generatedType: 'STORED', asExpression: expression, nullable: true }) doubled: number
  }
  @ViewEntity({ name: 'dear_item', expression: `SELECT ${q(label, 'id')} FROM ${q(label, 'item')} WHERE ${q(label, 'price')} > ${version === 1 ? 10 : 20}` })
  class DearItem {
    @ViewColumn() id: number
  }
  return [Item, DearItem]
}

const setups: [string, () => Promise<TestDatabase>][] = [
  ['postgres', () => createPostgresDatabase('records')],
  ['sqlite', createSqliteDatabase],
  ['mariadb', () => createMariaDbDatabase('records')],
]

describe.each(setups)('typeorm_metadata rows on %s', (label, setup) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await setup()
  })
  afterAll(async () => db?.drop())

  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const typeormProposes = async (entities: Function[]) => {
    const dataSource = new DataSource({ ...db.options, entities, logging: false } as never)
    await dataSource.initialize()
    try {
      return (await dataSource.driver.createSchemaBuilder().log()).upQueries.map((query) => query.query)
    } finally {
      await dataSource.destroy()
    }
  }
  const rows = async () => (await db.query<{ type: string; name: string }>('SELECT type, name FROM typeorm_metadata ORDER BY type, name'))
    .map((row) => `${row.type} ${row.name}`)

  it('are written with the column and the view, and changed with them: TypeORM proposes nothing', async () => {
    await migrateTo(db, entitiesFor(label, 1), 'Init')
    expect(await typeormProposes(entitiesFor(label, 1))).toEqual([])
    expect(await rows()).toEqual(['GENERATED_COLUMN doubled', 'VIEW dear_item'])

    await migrateTo(db, entitiesFor(label, 2), 'Triple')
    expect(await pendingChanges(db, entitiesFor(label, 2))).toEqual([])
    expect(await typeormProposes(entitiesFor(label, 2))).toEqual([])
    expect(await rows()).toEqual(['GENERATED_COLUMN doubled', 'VIEW dear_item'])

    // The down puts back the rows' text as the entities wrote it, not as the server prints it.
    await revertLast(db, entitiesFor(label, 2))
    expect(await typeormProposes(entitiesFor(label, 1))).toEqual([])
    await revertLast(db, entitiesFor(label, 1))
    expect(await rows()).toEqual([])
  })
})
