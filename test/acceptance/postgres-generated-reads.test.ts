import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { expectCleanCycle, migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// PostgreSQL refuses to change the type of a column a generated column reads: the generated column is dropped
// before and added again after, with its index, unique constraint and check, and computed again; down the same.

@Entity('item')
class ItemBefore {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 40 }) sku: string
  @Column({ type: 'smallint' }) qty: number
  @Index('IDX_item_code') @Column({ type: 'varchar', generatedType: 'STORED', asExpression: 'upper("sku")', unique: true }) code: string
  @Column({ type: 'int', generatedType: 'STORED', asExpression: 'qty * 2' }) doubled: number
}

@Entity('item')
@Check('CHK_item_doubled', '"doubled" >= 0')
class ItemRetyped {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20 }) sku: string
  @Column({ type: 'int' }) qty: number
  @Index('IDX_item_code') @Column({ type: 'varchar', generatedType: 'STORED', asExpression: 'upper("sku")', unique: true }) code: string
  @Column({ type: 'int', generatedType: 'STORED', asExpression: 'qty * 2' }) doubled: number
}

@Entity('item')
@Check('CHK_item_doubled', '"doubled" >= 0')
class ItemRetypedAndRecomputed {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20 }) sku: string
  @Column({ type: 'bigint' }) qty: string
  @Index('IDX_item_code') @Column({ type: 'varchar', generatedType: 'STORED', asExpression: 'lower("sku")', unique: true }) code: string
  @Column({ type: 'int', generatedType: 'STORED', asExpression: 'qty * 2' }) doubled: number
}

// immich's file name search: varchar made text changes no stored value, but the generated column that reads it
// is added again, and that computes it for every row.
@Entity('item')
class ItemSkuAsText {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) sku: string
  @Column({ type: 'smallint' }) qty: number
  @Index('IDX_item_code') @Column({ type: 'varchar', generatedType: 'STORED', asExpression: 'upper("sku")', unique: true }) code: string
  @Column({ type: 'int', generatedType: 'STORED', asExpression: 'qty * 2' }) doubled: number
}

// Each case in a database of its own, where the items were made by a migration and hold rows.
let db: TestDatabase
beforeEach(async () => {
  db = await createPostgresDatabase('generatedreads')
  await migrateTo(db, [ItemBefore], 'Items')
  await db.query(`INSERT INTO item (sku, qty) VALUES ('ab-1', 3), ('cd-2', 5)`)
})
afterEach(async () => db?.drop())

const rows = 'SELECT id, sku, qty::text AS qty, code, doubled FROM item ORDER BY id'

it('changes the types of columns generated columns read, and computes those again, keeping their index, unique and check', async () => {
  const { rowsAfter } = await expectCleanCycle(db, [ItemBefore], [ItemRetyped], 'Retype', rows)
  expect(rowsAfter).toEqual([
    { id: 1, sku: 'ab-1', qty: '3', code: 'AB-1', doubled: 6 },
    { id: 2, sku: 'cd-2', qty: '5', code: 'CD-2', doubled: 10 },
  ])
  await expect(db.query(`INSERT INTO item (sku, qty) VALUES ('AB-1', 1)`)).rejects.toThrow(/unique/)
})

it("does so where the generated column's own expression changes in the same migration", async () => {
  const { rowsAfter } = await expectCleanCycle(db, [ItemBefore], [ItemRetypedAndRecomputed], 'RetypeRecompute', rows)
  expect(rowsAfter).toEqual([
    { id: 1, sku: 'ab-1', qty: '3', code: 'ab-1', doubled: 6 },
    { id: 2, sku: 'cd-2', qty: '5', code: 'cd-2', doubled: 10 },
  ])
})

it('drops and re-creates a view reading a generated column that is dropped and added again', async () => {
  await db.query('CREATE VIEW item_codes AS SELECT id, code FROM item')
  const { up } = await expectCleanCycle(db, [ItemBefore], [ItemRetyped], 'RetypeUnderView', 'SELECT id, code FROM item_codes ORDER BY id')
  expect(up.filter((op) => op.kind.endsWith('_view')).map((op) => op.kind)).toEqual(['drop_view', 'create_view'])
})

it('says that the table is rewritten where a type change that keeps the stored values makes a generated column computed again', async () => {
  const { hazards } = await compareProject(projectFor(db, [ItemSkuAsText]))
  expect(hazards.filter((h) => h.code === 'TABLE_REBUILD').map((h) => h.message)).toEqual([
    expect.stringContaining('Rewrites table "public"."item": every row is written again'),
  ])
  await expectCleanCycle(db, [ItemBefore], [ItemSkuAsText], 'SkuAsText', rows)
})
