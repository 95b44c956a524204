import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { expectCleanCycle, migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// PostgreSQL has no cast from one range type to another (int4range to int8range): a migration casting directly
// failed at upgrade ("cannot cast type int4range to int8range"), whatever the rows. And money converts to numeric
// by a cast of its own, where TYPE_CAST_MAY_FAIL counted every '$12.50' as not a number.

@Entity('booking')
class Booking {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int4range', nullable: true }) seats: string | null
  @Column({ type: 'tsrange', nullable: true }) stay: string | null
  @Column({ type: 'money', default: 0 }) price: string
}

@Entity('booking')
class BookingWidened {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'int8range', nullable: true }) seats: string | null
  @Column({ type: 'tstzrange', nullable: true }) stay: string | null
  @Column({ type: 'numeric', precision: 12, scale: 2, default: 0 }) price: string
}

let db: TestDatabase
beforeAll(async () => {
  db = await createPostgresDatabase('castless')
  await db.query(`SET TIME ZONE 'UTC'`)
  await migrateTo(db, [Booking], 'Init')
  await db.query(`INSERT INTO booking (seats, stay, price) VALUES ('[1,5)', '[2024-01-01 10:00,2024-01-03 10:00)', 12.5), (NULL, 'empty', 3), ('(,10]', NULL, 0)`)
})
afterAll(async () => db?.drop())

it('converts one range type to another through its text, up and down, with the rows kept', async () => {
  const { source } = await expectCleanCycle(db, [Booking], [BookingWidened], 'Widen', 'SELECT id, seats::text, stay::text, price::text FROM booking ORDER BY id')
  expect(source).toContain('USING "seats"::text::int8range')
})

it('counts no money value as unconvertible to numeric, which a cast of its own converts', async () => {
  const { hazards } = await compareProject(projectFor(db, [BookingWidened]))
  const price = hazards.find((h) => h.message.includes('"price"'))
  expect(price?.message).toMatch(/^Changes "public"."booking"."price" from money to numeric\(12,2\), which fails if a value does not convert; /)
})
