import { Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm'
import { migrateTo, pendingChanges, synchronizeWithTypeorm } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Two foreign keys of one table led by the same column, (cityId, countryCode) and (cityId): the server makes an
// index for a key no index serves yet, so how the keys were made decides: our migration adds both in one statement
// beside the new table and gets two indexes; in two statements the pair's index serves both keys (made second,
// it replaces the single key's). Either is in sync with the entities.

@Entity('cities')
@Unique(['id', 'countryCode'])
class City {
  @PrimaryColumn() id: number
  @Column({ length: 2 }) countryCode: string
}

@Entity('orders')
@ForeignKey(() => City, ['cityId', 'countryCode'], ['id', 'countryCode'], { name: 'FK_order_city_country' })
class Order {
  @PrimaryColumn() id: number
  @Column({ length: 2 }) countryCode: string
  @Column() @ForeignKey(() => City, 'id', { name: 'FK_order_city' }) cityId: number
}

const entities = [City, Order]
let db: TestDatabase
beforeEach(async () => {
  db = await createMariaDbDatabase('fkoverlap')
})
afterEach(async () => db?.drop())

const indexesOfOrders = async () =>
  (await db.query<{ name: string }>(`SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS
    WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders' AND INDEX_NAME <> 'PRIMARY' ORDER BY 1`)).map((r) => r.name)

const definitions: Record<string, string> = {
  FK_order_city: 'FOREIGN KEY (cityId) REFERENCES cities (id) ON DELETE NO ACTION ON UPDATE NO ACTION',
  FK_order_city_country: 'FOREIGN KEY (cityId, countryCode) REFERENCES cities (id, countryCode) ON DELETE NO ACTION ON UPDATE NO ACTION',
}

/** remakeForeignKeys drops both keys and their indexes, then adds the keys one statement each, in this order. */
async function remakeForeignKeys(...names: string[]): Promise<void> {
  await db.query('ALTER TABLE orders DROP FOREIGN KEY FK_order_city, DROP FOREIGN KEY FK_order_city_country')
  for (const index of await indexesOfOrders()) await db.query(`ALTER TABLE orders DROP INDEX ${index}`)
  for (const name of names) await db.query(`ALTER TABLE orders ADD CONSTRAINT ${name} ${definitions[name]}`)
}

it('finds no change however the two keys were made', async () => {
  await migrateTo(db, entities, 'Init')
  expect(await indexesOfOrders()).toEqual(['FK_order_city', 'FK_order_city_country'])
  expect(await pendingChanges(db, entities)).toEqual([])

  await remakeForeignKeys('FK_order_city_country', 'FK_order_city')
  expect(await indexesOfOrders()).toEqual(['FK_order_city_country'])
  expect(await pendingChanges(db, entities)).toEqual([])

  await remakeForeignKeys('FK_order_city', 'FK_order_city_country')
  expect(await indexesOfOrders()).toEqual(['FK_order_city_country'])
  expect(await pendingChanges(db, entities)).toEqual([])
})

it("finds no change after TypeORM's synchronize", async () => {
  await synchronizeWithTypeorm(db, entities)
  expect(await pendingChanges(db, entities)).toEqual([])
})

it('drops the index made for a key the entities no longer declare', async () => {
  await migrateTo(db, entities, 'Init')
  @Entity('orders')
  @ForeignKey(() => City, ['cityId', 'countryCode'], ['id', 'countryCode'], { name: 'FK_order_city_country' })
  class OrderWithoutSingleKey {
    @PrimaryColumn() id: number
    @Column({ length: 2 }) countryCode: string
    @Column() cityId: number
  }
  await migrateTo(db, [City, OrderWithoutSingleKey], 'DropSingleKey')
  expect(await indexesOfOrders()).toEqual(['FK_order_city_country'])
  expect(await pendingChanges(db, [City, OrderWithoutSingleKey])).toEqual([])
})
