import { Column, Entity, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// An unsigned decimal made narrower (fewer decimal places or digits), or a signed one made unsigned, counted
// every non-null value in TYPE_NARROWING (tried on SCENE-CE/mirador-multi-user's media duration, decimal(10,3)
// unsigned made decimal(12,2)): the unsigned type was not known as a decimal. It counts the values that do not
// fit now: those with more decimal places, beyond the digits, or negative.

@Entity('track')
class Before {
  @PrimaryColumn('int') id: number
  @Column({ type: 'decimal', precision: 10, scale: 3, unsigned: true, nullable: true }) duration: string | null
  @Column({ type: 'decimal', precision: 10, scale: 2, unsigned: true, nullable: true }) total: string | null
  @Column({ type: 'decimal', precision: 7, scale: 2, nullable: true }) balance: string | null
}

@Entity('track')
class After {
  @PrimaryColumn('int') id: number
  @Column({ type: 'decimal', precision: 12, scale: 2, unsigned: true, nullable: true }) duration: string | null
  @Column({ type: 'decimal', precision: 6, scale: 2, unsigned: true, nullable: true }) total: string | null
  @Column({ type: 'decimal', precision: 7, scale: 2, unsigned: true, nullable: true }) balance: string | null
}

describe('mariadb', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createMariaDbDatabase('unsigned_decimal_counts')
    await migrateTo(db, [Before], 'Init')
    await db.query(`INSERT INTO track (id, duration, total, balance) VALUES
      (1, 12.345, 12345.67, -3), (2, 5.5, 5.5, 4), (3, NULL, NULL, NULL)`)
  })
  afterAll(async () => db?.drop())

  it('counts the values an unsigned decimal does not keep, not every value', async () => {
    const { hazards } = await compareProject(projectFor(db, [After]))
    const narrowing = hazards.filter((h) => h.code === 'TYPE_NARROWING')
    expect(narrowing.map((h) => [h.message.match(/"(duration|total|balance)"/)?.[1], h.measurement?.count]).sort())
      .toEqual([['balance', 1], ['duration', 1], ['total', 1]])
  })
})
