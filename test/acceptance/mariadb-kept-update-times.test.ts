import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm'
import { RenamedLabel } from '../../src/decorators'
import { expectCleanCycle, migrateTo } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// The server sets an ON UPDATE CURRENT_TIMESTAMP column (an @UpdateDateColumn) to the time of any UPDATE that
// changes a row: the UPDATEs a migration writes to move rows to a renamed label, or to take a binary's padding
// off, gave every such row the migration's time as its "last edited", in up and again in down.

@Entity('shop_order')
class Order {
  @PrimaryColumn('int') id: number
  @Column({ type: 'enum', enum: ['open', 'cancelled'] }) status: string
  @Column({ type: 'binary', length: 4, nullable: true }) code: Buffer | null
  @UpdateDateColumn({ name: 'updated_at' }) updatedAt: Date
}

@Entity('shop_order')
class RelabelledOrder {
  @PrimaryColumn('int') id: number
  @RenamedLabel('cancelled', 'canceled')
  @Column({ type: 'enum', enum: ['open', 'canceled'] }) status: string
  @Column({ type: 'binary', length: 4, nullable: true }) code: Buffer | null
  @UpdateDateColumn({ name: 'updated_at' }) updatedAt: Date
}

@Entity('shop_order')
class ShorterCodeOrder {
  @PrimaryColumn('int') id: number
  @Column({ type: 'enum', enum: ['open', 'cancelled'] }) status: string
  @Column({ type: 'binary', length: 2, nullable: true }) code: Buffer | null
  @UpdateDateColumn({ name: 'updated_at' }) updatedAt: Date
}

const rows = "SELECT id, status, HEX(code) AS code, DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i:%s.%f') AS updated FROM shop_order ORDER BY id"

describe('mariadb: the UPDATEs a migration writes keep the rows\' update times', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('keptupdated')
    await migrateTo(db, [Order], 'Init')
    await db.query(`INSERT INTO shop_order (id, status, code, updated_at) VALUES
      (1, 'cancelled', x'0102', '2020-01-02 03:04:05.123456'), (2, 'open', NULL, '2021-06-07 08:09:10.000000')`)
  })
  afterEach(async () => db?.drop())

  it('moving rows to a renamed label, in up and down', async () => {
    const { rowsAfter, source } = await expectCleanCycle(db, [Order], [RelabelledOrder], 'Relabel', rows)
    expect(source.replace(/\\`/g, '`')).toContain("UPDATE `shop_order` SET `status` = 'canceled', `updated_at` = `updated_at` WHERE `status` = 'cancelled'")
    expect(rowsAfter).toEqual([
      { id: 1, status: 'canceled', code: '01020000', updated: '2020-01-02 03:04:05.123456' },
      { id: 2, status: 'open', code: null, updated: '2021-06-07 08:09:10.000000' },
    ])
  })

  it('taking the padding off a binary made shorter', async () => {
    const { rowsAfter } = await expectCleanCycle(db, [Order], [ShorterCodeOrder], 'ShorterCode', rows)
    expect(rowsAfter).toEqual([
      { id: 1, status: 'cancelled', code: '0102', updated: '2020-01-02 03:04:05.123456' },
      { id: 2, status: 'open', code: null, updated: '2021-06-07 08:09:10.000000' },
    ])
  })
})
