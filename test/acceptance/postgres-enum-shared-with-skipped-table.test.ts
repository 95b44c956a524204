import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// An enum type one entity shares (`enumName`) with a table left out of the diff (an entity declared synchronize:
// false). PostgreSQL cannot remove a label from a type: it is made again and every column moved onto the new one.
// The left-alone table's column was not among them, so the old type could not be dropped and upgrade failed
// ("cannot drop type order_status_old because other objects depend on it"), as did the down of an added label.

@Entity('legacy_order', { synchronize: false })
class LegacyOrder {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'enum', enumName: 'order_status', enum: ['new', 'paid', 'void'] }) status: string
}

const orderOf = (values: string[]) => {
  @Entity('order')
  class Order {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'enum', enumName: 'order_status', enum: values, default: 'new' }) status: string
  }
  return Order
}

const [Order, OrderWithoutVoid, OrderRefunded] = [orderOf(['new', 'paid', 'void']), orderOf(['new', 'paid']), orderOf(['new', 'paid', 'void', 'refunded'])]
const rows = `SELECT 'order' AS t, id, status::text FROM "order" UNION ALL SELECT 'legacy', id, status::text FROM legacy_order ORDER BY 1, 2`

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('sharedenum')
  await migrateTo(db, [LegacyOrder, Order], 'Init')
  await db.query(`CREATE TABLE legacy_order (id serial PRIMARY KEY, status order_status NOT NULL DEFAULT 'paid', history order_status[])`)
  await db.query(`INSERT INTO legacy_order (status, history) VALUES ('new', '{new}'), ('paid', '{new,paid}')`)
  await db.query(`INSERT INTO "order" (status) VALUES ('paid')`)
})
afterAll(async () => db?.drop())

it('moves the left-alone columns onto the type made again without a label, and back in down', async () => {
  const before = await db.query(rows)
  await migrateTo(db, [LegacyOrder, OrderWithoutVoid], 'DropVoid')
  expect(await pendingChanges(db, [LegacyOrder, OrderWithoutVoid])).toEqual([])
  expect(await db.query(`SELECT column_name, udt_name, column_default FROM information_schema.columns WHERE table_name = 'legacy_order' AND column_name <> 'id' ORDER BY 1`)).toEqual([
    { column_name: 'history', udt_name: '_order_status', column_default: null },
    { column_name: 'status', udt_name: 'order_status', column_default: "'paid'::order_status" },
  ])
  await revertLast(db, [LegacyOrder, OrderWithoutVoid])
  expect(await pendingChanges(db, [LegacyOrder, Order])).toEqual([])
  expect(await db.query(rows)).toEqual(before)
})

it('stops, changing nothing, while a left-alone row holds the label removed', async () => {
  await db.query(`UPDATE legacy_order SET status = 'void' WHERE id = 1`)
  await expect(upgrade(projectFor(db, [LegacyOrder, OrderWithoutVoid]))).rejects.toThrow(/loses value 'void', which 1 of the rows of "public"."legacy_order"."status" still hold/)
  await db.query(`UPDATE legacy_order SET status = 'new' WHERE id = 1`)
  await upgrade(projectFor(db, [LegacyOrder, OrderWithoutVoid]))
  await revertLast(db, [LegacyOrder, OrderWithoutVoid])
  // Reverted, its file would be pending for the next case.
  for (const file of readdirSync(join(db.dir, 'migrations')).filter((f) => f.includes('DropVoid'))) rmSync(join(db.dir, 'migrations', file))
})

it('reverts a label added in place, which down removes by making the type again', async () => {
  const before = await db.query(rows)
  await migrateTo(db, [LegacyOrder, OrderRefunded], 'Refund')
  await revertLast(db, [LegacyOrder, OrderRefunded])
  expect(await db.query(rows)).toEqual(before)
  expect(await pendingChanges(db, [LegacyOrder, Order])).toEqual([])
})
