import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast, synchronizeWithTypeorm } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

let db: TestDatabase
beforeAll(async () => {
  db = await createMariaDbDatabase('temporaldefaults')
})
afterAll(async () => db?.drop())

// The server stores a date or time default as its type keeps it: a datetime with its time, a time with its
// seconds, a fraction of as many digits as the column has. Both sides are compared in that form, after TypeORM's
// synchronize as after our own migration.
@Entity('temporal_defaults')
class TemporalDefaults {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'datetime', nullable: true, default: '2020-01-01' }) day: Date | null
  @Column({ type: 'datetime', precision: 6, nullable: true, default: '2020-01-01 00:00:00.000' }) precise: Date | null
  @Column({ type: 'timestamp', precision: 3, nullable: true, default: '2020-01-01T10:00:00' }) stamped: Date | null
  @Column({ type: 'datetime', nullable: true, default: '2020-01-01 10:00:00.000' }) zeroFraction: Date | null
  @Column({ type: 'date', nullable: true, default: '2020-1-2' }) unpadded: string | null
  @Column({ type: 'time', nullable: true, default: '10:00' }) opening: string | null
  @Column({ type: 'time', precision: 2, nullable: true, default: '100:00:01.5' }) long: string | null
}

it('compares date and time defaults as the server stores them, after our migration and after TypeORM\'s synchronize', async () => {
  await migrateTo(db, [TemporalDefaults], 'TemporalDefaults')
  expect(await pendingChanges(db, [TemporalDefaults])).toEqual([])
  await revertLast(db, [TemporalDefaults])
  await synchronizeWithTypeorm(db, [TemporalDefaults])
  expect(await pendingChanges(db, [TemporalDefaults])).toEqual([])
})
