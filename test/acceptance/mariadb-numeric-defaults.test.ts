import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast, synchronizeWithTypeorm } from '../support/migration-cycle'
import { createMariaDbDatabase } from '../support/test-database'

// The server stores a number default of an integer or decimal column rounded to the column's scale: `decimal`
// with no precision is decimal(10,0), so a default of 1.5 is stored as 2. Compared as written, every run
// found the default changed and wrote the same ALTER again.
@Entity('prices')
class Prices {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'decimal', nullable: true, default: 1.5 }) unscaled: string | null
  @Column({ type: 'decimal', precision: 5, scale: 2, nullable: true, default: '1.005' }) cents: string | null
  @Column({ type: 'int', nullable: true, default: 2.5 }) whole: number | null
  @Column({ type: 'numeric', nullable: true, default: '-0.5' }) negative: string | null
}

it('compares a number default as the server rounds it to the column, after our migration and after TypeORM\'s synchronize', async () => {
  const db = await createMariaDbDatabase('numericdefaults')
  try {
    await migrateTo(db, [Prices], 'Prices')
    expect(await pendingChanges(db, [Prices])).toEqual([])
    await db.query(`INSERT INTO prices () VALUES ()`)
    expect(await db.query(`SELECT unscaled, cents, whole, negative FROM prices`)).toEqual([{ unscaled: '2', cents: '1.01', whole: 3, negative: '-1' }])
    await db.query(`DELETE FROM prices`)
    await revertLast(db, [Prices])
    await synchronizeWithTypeorm(db, [Prices])
    expect(await pendingChanges(db, [Prices])).toEqual([])
  } finally {
    await db.drop()
  }
})
