import { Column, Entity, Exclusion, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm'
import { RenamedFrom } from '../../src/decorators'
import { compareProject } from '../../src/pipeline/compare-project'
import { upgrade } from '../../src/runner/migration-runner'
import { expectCleanCycle, migrateTo, pendingChanges, projectFor, synchronizeWithTypeorm } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// Exclusion constraints (`@Exclusion`) were left out with a warning: a project using them got no DDL for them,
// where TypeORM's own generate writes them. They are diffed now: added, dropped, renamed, and compared by their
// definition as PostgreSQL reads it, not as it is spelled.

@Entity('booking')
class Plain {
  @PrimaryColumn('integer') id: number
  @Column('integer') room: number
  @Column('timestamptz') from: Date
  @Column('timestamptz') to: Date
  @Column('boolean', { default: false }) cancelled: boolean
  @Column('varchar', { length: 20 }) guest: string
}

@Entity('booking')
@Exclusion(`USING gist ("room" WITH =, tstzrange("from", "to") WITH &&)`)
@Exclusion('booking_guest_overlap', `USING gist ("guest" WITH =, tstzrange("from", "to") WITH &&) WHERE (NOT "cancelled")`)
class Booked extends Plain {}

@Entity('booking')
@Exclusion(`using gist ( room with = , tstzrange("from","to") with && )`)
@Exclusion('guest_overlap', `USING gist (guest WITH =, tstzrange("from", "to") WITH &&) WHERE (cancelled = false)`)
class Respelled extends Plain {}

@Entity('booking')
@Exclusion('guest_overlap', `USING gist (lower(guest) WITH =, tstzrange("from", "to") WITH &&) WHERE (cancelled = false)`)
class Lowered extends Plain {}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('exclusions')
  await db.query('CREATE EXTENSION IF NOT EXISTS btree_gist')
  await migrateTo(db, [Plain], 'Init')
  await db.query(`INSERT INTO booking VALUES
    (1, 101, '2026-01-01 10:00+00', '2026-01-01 12:00+00', false, 'Ann'),
    (2, 101, '2026-01-01 12:00+00', '2026-01-01 14:00+00', false, 'Bob'),
    (3, 102, '2026-01-01 11:00+00', '2026-01-01 13:00+00', true, 'ann')`)
})
afterAll(async () => db?.drop())

it('adds exclusion constraints to a table with rows, warning that they lock it and fail on conflicts, and drops them in down', async () => {
  const { hazards } = await compareProject(projectFor(db, [Booked]))
  expect(hazards.map((h) => h.code)).toEqual(['ADD_EXCLUSION', 'ADD_EXCLUSION'])
  expect(hazards[0]!.message).toContain('fails if two rows already conflict')
  const { source } = await expectCleanCycle(db, [Plain], [Booked], 'Exclude', 'SELECT * FROM booking ORDER BY id')
  expect(source).toContain('ADD CONSTRAINT "booking_guest_overlap" EXCLUDE USING gist ("guest" WITH =, tstzrange("from", "to") WITH &&) WHERE (NOT "cancelled")')
  expect(source).toMatch(/DROP CONSTRAINT "XCL_[0-9a-f]+"/)
})

it('renames, and does no more, where only the spelling and the names differ', async () => {
  await upgrade(projectFor(db, [Booked]))
  // TypeORM names an unnamed one from its text: respelled, it is renamed.
  expect(await pendingChanges(db, [Respelled])).toEqual([
    expect.objectContaining({ kind: 'rename_constraint', constraint: 'exclusion', from: expect.stringMatching(/^XCL_/), to: expect.stringMatching(/^XCL_/) }),
    expect.objectContaining({ kind: 'rename_constraint', constraint: 'exclusion', from: 'booking_guest_overlap', to: 'guest_overlap' }),
  ])
  await migrateTo(db, [Respelled], 'Renamed')
  expect(await pendingChanges(db, [Respelled])).toEqual([])
})

it('drops and adds one whose definition changes, and builds it again in down', async () => {
  const { up } = await expectCleanCycle(db, [Respelled], [Lowered], 'Lower', 'SELECT * FROM booking ORDER BY id')
  expect(up.map((op) => op.kind).sort()).toEqual(['add_exclusion', 'drop_exclusion', 'drop_exclusion'])
})

it('reads TypeORM synchronize()\'s constraints as the entities declare them', async () => {
  const fresh = await createPostgresDatabase('exclusions_sync')
  try {
    await fresh.query('CREATE EXTENSION IF NOT EXISTS btree_gist')
    await synchronizeWithTypeorm(fresh, [Booked])
    expect(await pendingChanges(fresh, [Booked])).toEqual([])
    expect((await pendingChanges(fresh, [Respelled])).map((op) => op.kind)).toEqual(['rename_constraint', 'rename_constraint'])
  } finally {
    await fresh.drop()
  }
})

@Entity('stay')
@Exclusion('stay_overlap', `USING gist ("room" WITH =, "during" WITH &&)`)
class Stay {
  @PrimaryColumn('integer') id: number
  @Column('integer') room: number
  @Column('tstzrange') during: string
}

@Entity('stay')
@Exclusion('stay_overlap', `USING gist ("room_number" WITH =, "during" WITH &&)`)
class StayRenamed {
  @PrimaryColumn('integer') id: number
  @Column('integer', { name: 'room_number' }) @RenamedFrom('room') room: number
  @Column('tstzrange') during: string
}

@Entity('stay')
class StayWithoutRoom {
  @PrimaryColumn('integer') id: number
  @Column('tstzrange') during: string
}

it('creates a table with its exclusion constraint, follows a renamed column and gives it back with a dropped column in down', async () => {
  const own = await createPostgresDatabase('exclusions_stay')
  try {
    // The gist operator class for `=` on an integer is btree_gist's, which the migration installs as TypeORM does.
    const { source } = await migrateTo(own, [Stay], 'Init')
    expect(source).toContain('CREATE EXTENSION IF NOT EXISTS "btree_gist"')
    expect(source).toContain('CONSTRAINT "stay_overlap" EXCLUDE USING gist ("room" WITH =, "during" WITH &&)')
    await own.query(`INSERT INTO stay VALUES (1, 7, '[2026-01-01,2026-01-03)'), (2, 7, '[2026-01-03,2026-01-05)')`)
    const { up } = await expectCleanCycle(own, [Stay], [StayRenamed], 'RenameRoom', 'SELECT * FROM stay ORDER BY id')
    expect(up.map((op) => op.kind)).toEqual(['rename_column'])
    await upgrade(projectFor(own, [StayRenamed]))
    // Its values are gone with it (DROP_COLUMN): down gives the column back empty, then the constraint.
    await own.query('DELETE FROM stay')
    const dropped = await expectCleanCycle(own, [StayRenamed], [StayWithoutRoom], 'DropRoom', 'SELECT * FROM stay ORDER BY id')
    expect(dropped.up.map((op) => op.kind)).toEqual(['drop_exclusion', 'drop_column'])
    expect(dropped.source).toMatch(/ADD "room_number" integer[^]*ADD CONSTRAINT "stay_overlap" EXCLUDE USING gist \(room_number WITH =, during WITH &&\)/)
  } finally {
    await own.drop()
  }
})

@Entity('slot')
@Exclusion('slot_overlap', `USING gist ("span" WITH &&)`)
class Slot {
  @PrimaryColumn('integer') id: number
  @Column('timestamptz') start: Date
  @Column('timestamptz') end: Date
  @Column({ type: 'tstzrange', generatedType: 'STORED', asExpression: `tstzrange("start", "end")` }) span: string
}

@Entity('slot')
@Exclusion('slot_overlap', `USING gist ("span" WITH &&)`)
class SlotClosed {
  @PrimaryColumn('integer') id: number
  @Column('timestamptz') start: Date
  @Column('timestamptz') end: Date
  @Column({ type: 'tstzrange', generatedType: 'STORED', asExpression: `tstzrange("start", "end", '[]')` }) span: string
}

it('adds again the constraint PostgreSQL drops with a generated column whose expression changes', async () => {
  const own = await createPostgresDatabase('exclusions_slot')
  try {
    await own.query('CREATE EXTENSION IF NOT EXISTS btree_gist')
    await migrateTo(own, [Slot], 'Init')
    await own.query(`INSERT INTO slot (id, start, "end") VALUES (1, '2026-01-01', '2026-01-02'), (2, '2026-01-03', '2026-01-04')`)
    await expectCleanCycle(own, [Slot], [SlotClosed], 'Closed', 'SELECT id, start, "end" FROM slot ORDER BY id')
  } finally {
    await own.drop()
  }
})

// The forms public projects write: a DEFERRABLE btree one, casts, a literal range bound, a predicate on an enum;
// and a storage parameter, which PostgreSQL prints quoted (fillfactor='70').
@Entity()
@Exclusion('EX_post_tag_postId_name', `USING btree ("postId" WITH =, "name" WITH =) WHERE ("deletedAt" IS NULL) DEFERRABLE INITIALLY DEFERRED`)
class PostTag {
  @PrimaryGeneratedColumn() id: number
  @Column() postId: number
  @Column() name: string
  @Column({ type: 'timestamptz', nullable: true }) deletedAt: Date | null
}

@Entity()
@Exclusion(`USING gist (address WITH =, network WITH =, "timeRange" WITH &&) WITH (fillfactor=70)`)
class Holding {
  @PrimaryGeneratedColumn() id: number
  @Column() address: string
  @Column() network: string
  @Column('tstzrange') timeRange: string
}

@Entity('bookings')
@Exclusion('EXCL_bookings_no_overlap', `USING gist ("courtId" WITH =, "date" WITH =, int4range("startMinute"::int, "endMinute"::int) WITH &&) WHERE ("status" = 'CONFIRMED')`)
class Booking {
  @PrimaryGeneratedColumn() id: number
  @Column() courtId: number
  @Column('date') date: string
  @Column('smallint') startMinute: number
  @Column('smallint') endMinute: number
  @Column({ type: 'enum', enum: ['CONFIRMED', 'CANCELLED', 'PENDING'] }) status: string
}

@Entity('bookings')
@Exclusion('EXCL_bookings_no_overlap', `USING gist ("courtId" WITH =, "date" WITH =, int4range("startMinute"::int, "endMinute"::int) WITH &&) WHERE ("status" = 'CONFIRMED')`)
class BookingFewer {
  @PrimaryGeneratedColumn() id: number
  @Column() courtId: number
  @Column('date') date: string
  @Column('smallint') startMinute: number
  @Column('smallint') endMinute: number
  @Column({ type: 'enum', enum: ['CONFIRMED', 'CANCELLED'] }) status: string
}

@Entity('room_rates')
@Exclusion('ex_room_rates_no_overlap', `USING gist ("room_type_id" WITH =, daterange("start_date", "end_date", '[)') WITH &&)`)
class RoomRate {
  @PrimaryGeneratedColumn('uuid') id!: string
  @Column({ name: 'room_type_id' }) roomTypeId: number
  @Column('date', { name: 'start_date' }) startDate: string
  @Column('date', { name: 'end_date' }) endDate: string
}

it('reads the forms projects write without churn, and rebuilds an enum type an exclusion\'s predicate casts to', async () => {
  const db = await createPostgresDatabase('exclusions_forms')
  try {
    await synchronizeWithTypeorm(db, [PostTag, Holding, Booking, RoomRate])
    expect(await pendingChanges(db, [PostTag, Holding, Booking, RoomRate])).toEqual([])
    await db.query(`INSERT INTO bookings ("courtId", date, "startMinute", "endMinute", status) VALUES (1, '2026-01-01', 60, 120, 'CONFIRMED'), (1, '2026-01-01', 60, 120, 'CANCELLED')`)
    // The predicate holds 'CONFIRMED'::bookings_status_enum: the constraint goes while the type is made again.
    await expectCleanCycle(db, [PostTag, Holding, Booking, RoomRate], [PostTag, Holding, BookingFewer, RoomRate], 'Fewer', 'SELECT * FROM bookings ORDER BY id')

  } finally {
    await db.drop()
  }
})
