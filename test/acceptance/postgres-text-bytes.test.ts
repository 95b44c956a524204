import { EntitySchema } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'

// Text made bytea becomes its UTF-8 bytes, and bytes made text their UTF-8 text: through bytea's text form, a
// backslash read as an escape (`\x41` became the byte A, `a\b` failed) and `down` gave back every value as hex
// (`\x746f6b`).
const tokens = (type: 'varchar' | 'bytea') => new EntitySchema({
  name: 'Token', tableName: 'tokens', columns: { id: { type: 'int', primary: true }, value: { type, nullable: true } },
})
const texts = ['plain', '\\x41', 'C:\\\\temp', 'naïve', '']

describe('postgres: a column between text and bytea', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createPostgresDatabase('textbytes')
  })
  afterEach(async () => db?.drop())

  it('keeps each text as its UTF-8 bytes, and gives the same text back in down', async () => {
    await migrateTo(db, [tokens('varchar')], 'Text')
    await db.query(`INSERT INTO tokens (id, value) VALUES ${texts.map((t, i) => `(${i}, '${t.replace(/'/g, "''")}')`).join(', ')}, (99, NULL)`)
    const migrated = await migrateTo(db, [tokens('bytea')], 'Bytes')
    expect(migrated.source).toContain(`convert_to("value", 'UTF8')`)
    expect(migrated.source).not.toContain('TYPE_CAST_MAY_FAIL')
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
})
