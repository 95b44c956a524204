import { Column, Entity, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { expectCleanCycle, migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

@Entity('ticket')
class TicketBefore {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'integer', nullable: true }) code: number | null
  @Column({ type: 'boolean', default: false }) done: boolean
}

@Entity('ticket')
class TicketAfter {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'uuid', nullable: true }) code: string | null
  @Column({ type: 'timestamp', nullable: true }) done: Date | null
}

const columns = `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'ticket' ORDER BY column_name`

describe('postgres: a type change with no cast between the types (integer to uuid, boolean to timestamp)', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createPostgresDatabase('nocast')
    await migrateTo(db, [TicketBefore], 'Init')
  })
  afterEach(async () => {
    await db.drop()
  })

  it('converts an empty column through its text form, in up and in down', async () => {
    const { source } = await expectCleanCycle(db, [TicketBefore], [TicketAfter], 'ToUuid', 'SELECT * FROM ticket')
    expect(source).toContain('ALTER COLUMN "code" TYPE uuid USING "code"::text::uuid')
    expect(source).toContain('ALTER COLUMN "done" TYPE timestamp USING "done"::text::timestamp')
    expect(source).toContain('ALTER COLUMN "code" TYPE integer USING "code"::text::integer')
  })

  it('counts the rows that will not convert, and the migration fails whole, leaving the table as it was', async () => {
    await db.query(`INSERT INTO ticket (id, code) VALUES (1, 7), (2, 8), (3, NULL)`)
    const { hazards } = await compareProject(projectFor(db, [TicketAfter]))
    const cast = hazards.find((h) => h.code === 'TYPE_CAST_MAY_FAIL' && h.message.includes('"code"'))
    expect([cast?.severity, cast?.measurement?.text]).toEqual(['danger', '2 values do not look like uuid'])
    const before = await db.query(columns)
    await generateMigration(projectFor(db, [TicketAfter]), 'ToUuid', 1_800_000_000_000)
    await expect(upgrade(projectFor(db, [TicketAfter]))).rejects.toThrow(/invalid input syntax for type uuid: "7"/)
    expect(await db.query(columns)).toEqual(before)
    expect(await db.query('SELECT id, code FROM ticket ORDER BY id')).toEqual([{ id: 1, code: 7 }, { id: 2, code: 8 }, { id: 3, code: null }])
  })
})

@Entity('ad')
class AdPlace {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'varchar', length: 32 }) place: string
}

@Entity('ad')
class AdPlaces {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'text', array: true }) place: string[]
}

describe('postgres: a varchar becoming a text array', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('toarray')
    await migrateTo(db, [AdPlace], 'Init')
    await db.query(`INSERT INTO ad (id, place) VALUES (1, 'square'), (2, 'horizontal'), (3, '{a,b}')`)
  })
  afterAll(async () => db?.drop())

  it('counts the values that are not array literals, which the conversion refuses', async () => {
    const { hazards } = await compareProject(projectFor(db, [AdPlaces]))
    const cast = hazards.find((h) => h.code === 'TYPE_CAST_MAY_FAIL')
    expect([cast?.severity, cast?.measurement?.text]).toEqual(['danger', '2 values do not look like text[]'])
  })
})

