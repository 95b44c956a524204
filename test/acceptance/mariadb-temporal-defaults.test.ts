import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm'
import { type EntityList, migrateTo, pendingChanges, revertLast, synchronizeWithTypeorm } from '../support/migration-cycle'
import { createMariaDbDatabase } from '../support/test-database'

/** expectInSyncWhoeverMadeIt: after our migration, and after TypeORM's synchronize, `entities` show no change. */
async function expectInSyncWhoeverMadeIt(entities: EntityList, name: string): Promise<void> {
  const db = await createMariaDbDatabase(name.toLowerCase())
  try {
    await migrateTo(db, entities, name)
    expect(await pendingChanges(db, entities)).toEqual([])
    await revertLast(db, entities)
    await synchronizeWithTypeorm(db, entities)
    expect(await pendingChanges(db, entities)).toEqual([])
  } finally {
    await db.drop()
  }
}

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
  await expectInSyncWhoeverMadeIt([TemporalDefaults], 'TemporalDefaults')
})

// MariaDB stores CURRENT_TIMESTAMP without digits, as a default or ON UPDATE, with the column's: `datetime(6)
// DEFAULT now()` reads back current_timestamp(6). More digits than the column's it stores as the column's.
@Entity('current_timestamps')
class CurrentTimestamps {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'datetime', precision: 6, nullable: true, default: () => 'now()' }) now: Date | null
  @Column({ type: 'datetime', precision: 6, nullable: true, default: () => 'CURRENT_TIMESTAMP' }) current: Date | null
  @Column({ type: 'datetime', precision: 6, nullable: true, default: () => 'now(3)' }) fewerDigits: Date | null
  @Column({ type: 'timestamp', precision: 3, nullable: true, default: () => 'CURRENT_TIMESTAMP', onUpdate: 'CURRENT_TIMESTAMP' }) touched: Date | null
  @Column({ type: 'timestamp', precision: 6, default: () => 'current_timestamp()', onUpdate: 'now()' }) stamped: Date
  @CreateDateColumn({ precision: 3 }) createdAt: Date
  @UpdateDateColumn({ precision: 3 }) updatedAt: Date
}

it('compares CURRENT_TIMESTAMP with fewer or more digits than its column as MariaDB stores it', async () => {
  await expectInSyncWhoeverMadeIt([CurrentTimestamps], 'CurrentTimestamps')
})

// Gitpod writes ON UPDATE inside the default's expression, which TypeORM puts after DEFAULT as it is: the server
// stores the two apart. Written as one parenthesized default, the CREATE TABLE failed.
@Entity('on_update_in_default')
class OnUpdateInDefault {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'timestamp', precision: 6, default: () => 'CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)' }) lastUpdateTime: Date
  @Column({ type: 'datetime', precision: 3, nullable: true, default: () => 'now() on update now()' }) touched: Date | null
  @Column({ type: 'varchar', length: 60, default: 'on update CURRENT_TIMESTAMP' }) words: string
}

// An UpdateDateColumn has its ON UPDATE already: TypeORM writes it twice, which the server refuses, where the
// migration writes it once.
@Entity('on_update_twice')
class OnUpdateTwice {
  @PrimaryGeneratedColumn() id: number
  @UpdateDateColumn({ type: 'timestamp', precision: 6, default: () => 'CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)' }) updatedAt: Date
}

it('takes ON UPDATE in the default of an UpdateDateColumn, which has its own, once', async () => {
  const db = await createMariaDbDatabase('onupdatetwice')
  try {
    await migrateTo(db, [OnUpdateTwice], 'OnUpdateTwice')
    expect(await pendingChanges(db, [OnUpdateTwice])).toEqual([])
  } finally {
    await db.drop()
  }
})

it('takes a default expression that goes on with ON UPDATE as that default and that ON UPDATE', async () => {
  await expectInSyncWhoeverMadeIt([OnUpdateInDefault], 'OnUpdateInDefault')
})
