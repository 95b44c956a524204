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
  @Column({ type: 'varchar', length: 32, nullable: true }) place: string | null
  @Column({ type: 'integer', array: true, nullable: true }) slots: number[] | null
}

@Entity('ad')
class AdPlaces {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'text', array: true, nullable: true }) place: string[] | null
  @Column({ type: 'integer', nullable: true }) slots: number | null
}

describe('postgres: a value becoming an array, and an array a value', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createPostgresDatabase('toarray')
    await migrateTo(db, [AdPlace], 'Init')
  })
  afterEach(async () => db?.drop())

  it('makes each value the one element of an array, takes one-element arrays back, and keeps NULLs', async () => {
    await db.query(`INSERT INTO ad (id, place, slots) VALUES (1, 'square', '{4}'), (2, '{a,b}', NULL), (3, NULL, '{}'), (4, 'x', '{7}')`)
    const { hazards } = await compareProject(projectFor(db, [AdPlaces]))
    expect(hazards.filter((h) => h.code.startsWith('TYPE_')).map((h) => [h.code, h.measurement?.text])).toEqual([
      ['TYPE_CHANGE_REWRITE', '4 rows'],
      ['TYPE_CAST_MAY_FAIL', '1 value does not look like integer'],
    ])
    await db.query(`UPDATE ad SET slots = NULL WHERE id = 3`)
    const { rowsAfter } = await expectCleanCycle(db, [AdPlace], [AdPlaces], 'Reshape', 'SELECT * FROM ad ORDER BY id')
    expect(rowsAfter).toEqual([
      { id: 1, place: ['square'], slots: 4 },
      // Text written as an array literal becomes that array, and comes back as the same text.
      { id: 2, place: ['a', 'b'], slots: null },
      { id: 3, place: null, slots: null },
      { id: 4, place: ['x'], slots: 7 },
    ])
  })

  it('refuses an array of several elements where the value is not text, and leaves the table as it was', async () => {
    await db.query(`INSERT INTO ad (id, slots) VALUES (1, '{1,2}'), (2, '{3}')`)
    const { hazards } = await compareProject(projectFor(db, [AdPlaces]))
    const cast = hazards.find((h) => h.code === 'TYPE_CAST_MAY_FAIL')
    expect(cast?.measurement?.text).toEqual('1 value does not look like integer')
    await generateMigration(projectFor(db, [AdPlaces]), 'Reshape', 1_800_000_000_000)
    await expect(upgrade(projectFor(db, [AdPlaces]))).rejects.toThrow(/invalid input syntax for type integer: "\{1,2\}"/)
    expect(await db.query('SELECT id, place, slots FROM ad ORDER BY id')).toEqual([
      { id: 1, place: null, slots: [1, 2] },
      { id: 2, place: null, slots: [3] },
    ])
  })
})

@Entity('ad')
class AdPlaceText {
  @PrimaryColumn('integer') id: number
  @Column({ type: 'text', nullable: true }) place: string | null
  @Column({ type: 'integer', nullable: true }) slots: number | null
}

describe('postgres: an array becoming text, and back', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createPostgresDatabase('fromarray')
    await migrateTo(db, [AdPlaces], 'Init')
  })
  afterEach(async () => db?.drop())

  it('comes back whole in down: empty arrays, one element, several, quoted elements and NULL', async () => {
    await db.query(`INSERT INTO ad (id, place) VALUES (1, '{}'), (2, '{a}'), (3, '{a,b}'), (4, '{"x y",",",NULL}'), (5, NULL)`)
    // Before this, down made each text one element: '{}' came back as {"{}"}, '{a,b}' as {"{a,b}"}.
    const { up, rowsAfter } = await expectCleanCycle(db, [AdPlaces], [AdPlace], 'Flatten', 'SELECT id, place FROM ad ORDER BY id')
    expect(up.map((op) => op.kind)).toEqual(['alter_column', 'alter_column'])
    expect(rowsAfter).toEqual([
      { id: 1, place: '{}' },
      { id: 2, place: 'a' },
      { id: 3, place: '{a,b}' },
      { id: 4, place: '{"x y",",",NULL}' },
      { id: 5, place: null },
    ])
  })

  it('rewrites the table but never fails where the text has no length', async () => {
    await db.query(`INSERT INTO ad (id, place) VALUES (1, '{a,b}'), (2, '{a}'), (3, '{}'), (4, NULL)`)
    // Before, TYPE_CAST_MAY_FAIL (a danger) said that an array made text may fail to convert.
    const { hazards } = await compareProject(projectFor(db, [AdPlaceText]))
    expect(hazards.filter((h) => h.code.startsWith('TYPE_')).map((h) => h.code)).toEqual(['TYPE_CHANGE_REWRITE'])
    const { rowsAfter } = await expectCleanCycle(db, [AdPlaces], [AdPlaceText], 'Flatten', 'SELECT id, place FROM ad ORDER BY id')
    expect(rowsAfter).toEqual([{ id: 1, place: '{a,b}' }, { id: 2, place: 'a' }, { id: 3, place: '{}' }, { id: 4, place: null }])
  })
})
