import { Column, Entity, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createMariaDbDatabase, createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A date or time made a date or a smaller precision (timestamp to date, six fractional digits to none) counted
// every non-null value in TYPE_NARROWING, where only those the conversion changes lose anything: a time of day,
// or fractional seconds. It counts those now, by comparing each value with its cast to the new type.

function entities(dialect: 'postgres' | 'mariadb') {
  const moment = dialect === 'postgres' ? 'timestamp' : 'datetime'
  @Entity('visit')
  class Before {
    @PrimaryColumn('integer') id: number
    @Column({ type: moment, nullable: true }) day: Date | null
    @Column({ type: moment, precision: 6, nullable: true }) exact: Date | null
  }
  @Entity('visit')
  class After {
    @PrimaryColumn('integer') id: number
    @Column({ type: 'date', nullable: true }) day: string | null
    @Column({ type: moment, precision: 0, nullable: true }) exact: Date | null
  }
  return { Before, After }
}

const rows = `INSERT INTO visit (id, day, exact) VALUES
  (1, '2026-01-01 00:00:00', '2026-01-01 10:00:00'),
  (2, '2026-01-02 13:30:00', '2026-01-01 10:00:00.250000'),
  (3, NULL, NULL)`

describe.each([
  ['postgres', () => createPostgresDatabase('moment_counts')],
  ['mariadb', () => createMariaDbDatabase('moment_counts')],
] as const)('%s', (dialect, create) => {
  let db: TestDatabase
  const { Before, After } = entities(dialect)
  beforeAll(async () => {
    db = await create()
    await migrateTo(db, [Before], 'Init')
    await db.query(rows)
  })
  afterAll(async () => db?.drop())

  it('counts the values a narrower date or time changes, not every value', async () => {
    const { hazards } = await compareProject(projectFor(db, [After]))
    const narrowing = hazards.filter((h) => h.code === 'TYPE_NARROWING')
    expect(narrowing.map((h) => [h.message.match(/"(day|exact)"/)?.[1], h.measurement?.count])).toEqual([['day', 1], ['exact', 1]])
    expect(narrowing[0]!.message).toContain('1 value changes as date')
  })
})
