import { EntitySchema } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'

// Text made bytea becomes its UTF-8 bytes, and bytes made text their UTF-8 text: through bytea's text form, a
// backslash read as an escape (`\x41` became the byte A, `a\b` failed) and `down` gave back every value as hex
// (`\x746f6b`).
const tokens = (type: 'varchar' | 'bytea') => new EntitySchema({
  name: 'Token', tableName: 'tokens', columns: { id: { type: 'int', primary: true }, value: { type, nullable: true } },
})
const texts = ['plain', '\\x41', 'C:\\\\temp', 'naïve', '']

// A value of another type made bytea becomes the UTF-8 bytes of its text, and bytes made such a type the value of
// their text: through bytea's text form, `down` read hex (`\x312e35`) as the value and failed on the rows `up` had
// just converted, and a JSON document's backslash was read as an escape.
const values = new EntitySchema({
  name: 'Reading', tableName: 'readings', columns: {
    id: { type: 'int', primary: true },
    amount: { type: 'numeric', precision: 10, scale: 2, nullable: true },
    doc: { type: 'jsonb', nullable: true },
    day: { type: 'date', nullable: true },
  },
})
const valuesAsBytes = new EntitySchema({
  name: 'Reading', tableName: 'readings', columns: {
    id: { type: 'int', primary: true }, amount: { type: 'bytea', nullable: true }, doc: { type: 'bytea', nullable: true }, day: { type: 'bytea', nullable: true },
  },
})

describe('postgres: a column made bytea, and back', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createPostgresDatabase('bytes')
  })
  afterEach(async () => db?.drop())

  it('keeps each text as its UTF-8 bytes, and gives the same text back in down', async () => {
    await migrateTo(db, [tokens('varchar')], 'Text')
    await db.query(`INSERT INTO tokens (id, value) VALUES ${texts.map((t, i) => `(${i}, '${t.replace(/'/g, "''")}')`).join(', ')}, (99, NULL)`)
    const migrated = await migrateTo(db, [tokens('bytea')], 'Bytes')
    expect(migrated.source).toContain(`convert_to("value", 'UTF8')`)
    expect(upOf(migrated.source)).not.toContain('TYPE_CAST_MAY_FAIL')
    const bytes = await db.query<{ id: number; value: Buffer | null }>(`SELECT id, value FROM tokens ORDER BY id`)
    expect(bytes.map((r) => r.value?.toString('hex') ?? null)).toEqual([...texts.map((t) => Buffer.from(t, 'utf8').toString('hex')), null])
    expect(await pendingChanges(db, [tokens('bytea')])).toEqual([])
    await revertLast(db, [tokens('bytea')])
    expect((await db.query<{ value: string | null }>(`SELECT value FROM tokens ORDER BY id`)).map((r) => r.value)).toEqual([...texts, null])
  })

  it('fails on bytes that are no UTF-8, changing nothing', async () => {
    await migrateTo(db, [tokens('bytea')], 'Bytes')
    await db.query(`INSERT INTO tokens (id, value) VALUES (1, '\\xff00'::bytea), (2, convert_to('ok', 'UTF8'))`)
    await expect(migrateTo(db, [tokens('varchar')], 'Text')).rejects.toThrow(/invalid byte sequence/)
    expect(await pendingChanges(db, [tokens('bytea')])).toEqual([])
    expect((await db.query<{ value: Buffer }>(`SELECT value FROM tokens ORDER BY id`)).map((r) => r.value.toString('hex'))).toEqual(['ff00', '6f6b'])
  })

  it('keeps each value as the UTF-8 bytes of its text, and gives the same value back in down', async () => {
    await migrateTo(db, [values], 'Values')
    await db.query(`INSERT INTO readings (id, amount, doc, day) VALUES (1, 1.5, '{"a": "x\\\\y"}', '2020-01-02'), (2, NULL, NULL, NULL)`)
    const rows = 'SELECT id, amount::text, doc::text, day::text FROM readings ORDER BY id'
    const before = await db.query(rows)
    const migrated = await migrateTo(db, [valuesAsBytes], 'Bytes')
    expect(upOf(migrated.source)).not.toContain('TYPE_CAST_MAY_FAIL')
    const bytes = await db.query<{ amount: Buffer | null; doc: Buffer | null }>('SELECT amount, doc FROM readings ORDER BY id')
    expect(bytes.map((r) => [r.amount?.toString('utf8') ?? null, r.doc?.toString('utf8') ?? null])).toEqual([['1.50', '{"a": "x\\\\y"}'], [null, null]])
    expect(await pendingChanges(db, [valuesAsBytes])).toEqual([])
    await revertLast(db, [valuesAsBytes])
    expect(await db.query(rows)).toEqual(before)
  })

  it('warns of the bytes that are no value of the type, counted, and fails on them, changing nothing', async () => {
    await migrateTo(db, [valuesAsBytes], 'Bytes')
    await db.query(`INSERT INTO readings (id, amount) VALUES (1, convert_to('12.5', 'UTF8')), (2, convert_to('n/a', 'UTF8')), (3, '\\xff'::bytea)`)
    const comparison = await compareProject(projectFor(db, [values]))
    const hazard = comparison.hazards.find((h) => h.code === 'TYPE_CAST_MAY_FAIL' && h.message.includes('"amount"'))
    expect(hazard?.message).toMatch(/2 values do not look like numeric/)
    await expect(migrateTo(db, [values], 'Values')).rejects.toThrow(/numeric/)
    expect(await pendingChanges(db, [valuesAsBytes])).toEqual([])
  })
})

/**
 * upOf is a migration file's up(), where each hazard of up is explained above its statement: the file's header also
 * lists the hazards of down (bytes back to text may not be UTF-8).
 */
function upOf(source: string): string {
  return source.slice(source.indexOf('public async up('), source.indexOf('public async down('))
}
