import { Column, Entity, PrimaryGeneratedColumn, ViewColumn, ViewEntity } from 'typeorm'
import { RenamedFrom } from '../../src/source/renamed-from'
import { migrateTo, pendingChanges, revertLast, typeormProposes } from '../support/migration-cycle'
import { createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// TypeORM reads the expression of a generated column and the definition of a view from its typeorm_metadata
// table: our migrations keep those rows, so that TypeORM's own schema builder finds nothing to change after
// them (without the rows it dropped and re-added the column, and created the view again).

const q = (label: string, name: string) => (label === 'mariadb' ? name : `"${name}"`)

/** entitiesFor version 3 renames `price` to `cost`, which the generated column and the view read. */
function entitiesFor(label: string, version: 1 | 2 | 3) {
  const price = version === 3 ? 'cost' : 'price'
  const expression = version === 2 ? `${q(label, price)} * 3` : `${q(label, price)} * 2`
  const renamed = version === 3 ? RenamedFrom('price') : () => undefined
  @Entity('item')
  class Item {
    @PrimaryGeneratedColumn() id: number
    @renamed @Column({ type: 'int', name: price }) price: number
    @Column({ type: 'int', generatedType: 'STORED', asExpression: expression, nullable: true }) doubled: number
  }
  @ViewEntity({ name: 'dear_item', expression: `SELECT ${q(label, 'id')} FROM ${q(label, 'item')} WHERE ${q(label, price)} > ${version === 2 ? 20 : 10}` })
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

  const rows = async () => (await db.query<{ type: string; name: string }>('SELECT type, name FROM typeorm_metadata ORDER BY type, name'))
    .map((row) => `${row.type} ${row.name}`)

  it('are written with the column and the view, and changed with them: TypeORM proposes nothing', async () => {
    await migrateTo(db, entitiesFor(label, 1), 'Init')
    expect(await typeormProposes(db, entitiesFor(label, 1))).toEqual([])
    expect(await rows()).toEqual(['GENERATED_COLUMN doubled', 'VIEW dear_item'])

    await migrateTo(db, entitiesFor(label, 2), 'Triple')
    expect(await pendingChanges(db, entitiesFor(label, 2))).toEqual([])
    expect(await typeormProposes(db, entitiesFor(label, 2))).toEqual([])
    expect(await rows()).toEqual(['GENERATED_COLUMN doubled', 'VIEW dear_item'])

    // The down puts back the rows' text as the entities wrote it, not as the server prints it.
    await revertLast(db, entitiesFor(label, 2))
    expect(await typeormProposes(db, entitiesFor(label, 1))).toEqual([])
    await revertLast(db, entitiesFor(label, 1))
    expect(await rows()).toEqual([])
  })

  // The rename carried the database's print of the expression (`price` * 2 on MariaDB) into the row, where
  // TypeORM compares the entity's text (cost * 2), and proposed to change the column.
  it('follow a column renamed under a generated column that reads it: TypeORM proposes nothing', async () => {
    await db.drop()
    db = await setup()
    await migrateTo(db, entitiesFor(label, 1), 'Init')
    await migrateTo(db, entitiesFor(label, 3), 'Cost')
    expect(await pendingChanges(db, entitiesFor(label, 3))).toEqual([])
    expect(await typeormProposes(db, entitiesFor(label, 3))).toEqual([])
    await revertLast(db, entitiesFor(label, 3))
    expect(await typeormProposes(db, entitiesFor(label, 1))).toEqual([])
  })
})
