import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { type TestDatabase, allDialects } from '../support/test-database'
import * as v from './junction-referenced-rename-entities'

// A stated rename of a referenced primary key carries the junction join columns TypeORM derives from its name.

describe.each(allDialects('jref'))('%s: a referenced key renamed through a junction table', (_label, createDatabase) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, [v.CouponV1, v.OrderV1], 'Init')
    await db.query(`INSERT INTO coupon (code) VALUES ('a'), ('b')`)
    await db.query(`INSERT INTO "order" (total) VALUES (1), (2)`)
    await db.query(`INSERT INTO order_coupons_coupon ("orderId", "couponId") VALUES (1, 1), (1, 2), (2, 2)`)
  })
  afterAll(async () => db?.drop())

  it('renames the junction join columns with the keys they reference, keeping its rows, and reverts', async () => {
    const after = [v.Coupon, v.Order]
    const junctionBefore = await db.query('SELECT "orderId" AS owner, "couponId" AS target FROM order_coupons_coupon ORDER BY 1, 2')
    const result = await generateMigration(projectFor(db, after), 'RenameKeys', 1_900_000_000_000)
    expect(result.comparison.suspectedRenames).toEqual([])
    expect(result.comparison.warnings.filter((w) => w.message.includes('RenamedFrom'))).toEqual([])
    expect(result.comparison.renames.map((r) => `${r.kind} ${r.table.name}: ${r.from} -> ${r.to}`).sort()).toEqual([
      'column coupon: id -> couponId',
      'column order: id -> orderId',
      'column order_coupons_coupon: couponId -> couponCouponId',
      'column order_coupons_coupon: orderId -> orderOrderId',
    ])
    expect(result.comparison.up.filter((op) => op.kind === 'drop_table' || op.kind === 'drop_column')).toEqual([])
    expect(await upgrade(projectFor(db, after))).toEqual(['RenameKeys1900000000000'])
    expect(await pendingChanges(db, after)).toEqual([])
    expect(await db.query('SELECT "orderOrderId" AS owner, "couponCouponId" AS target FROM order_coupons_coupon ORDER BY 1, 2')).toEqual(junctionBefore)

    await revertLast(db, after)
    expect(await pendingChanges(db, [v.CouponV1, v.OrderV1])).toEqual([])
    expect(await db.query('SELECT "orderId" AS owner, "couponId" AS target FROM order_coupons_coupon ORDER BY 1, 2')).toEqual(junctionBefore)
  })
})
