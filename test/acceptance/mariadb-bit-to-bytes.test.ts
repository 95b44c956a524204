import { readFileSync } from 'node:fs'
import { EntitySchema } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { type TestDatabase, createMariaDbDatabase } from '../support/test-database'

// A bit made a TEXT, a BLOB or a binary took the bit's raw bytes (b'1' the byte 0x01, under a mere
// TYPE_CHANGE_REWRITE), which the down's bit refused ("Truncated incorrect INTEGER value: '\x01'"); a varchar or
// varbinary takes its number ('1'). A binary(n) pads every value with zero bytes, which the down to another type
// kept ('ab' made binary(10) came back 'ab\0\0...') or refused (1.5 made binary(255): its own check failed).
// Each value now goes through its number as text one way and loses its zero padding the other.

const flags = (type: string, length?: number) => new EntitySchema({
  name: 'Flag', tableName: 'flags',
  columns: { id: { type: 'int', primary: true }, f: { type: type as never, nullable: true, ...(length !== undefined && { length }) } },
})

describe('mariadb: a bit column made text or bytes', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('bitbytes')
  })
  afterEach(async () => db?.drop())

  it.each([['varchar', 20], ['text', undefined], ['blob', undefined], ['varbinary', 20], ['binary', 10]] as const)('bit made %s', async (type, length) => {
    const before = flags('bit')
    await migrateTo(db, [before], 'Flags')
    await db.query(`INSERT INTO flags (id, f) VALUES (1, 1), (2, 0), (3, NULL)`)
    await migrateTo(db, [flags(type, length)], 'Bytes')
    const text = await db.query(`SELECT id, TRIM(TRAILING 0x00 FROM f) AS f FROM flags ORDER BY id`)
    expect(text.map((row) => (row.f as Buffer | string | null)?.toString() ?? null)).toEqual(['1', '0', null])
    expect(await pendingChanges(db, [flags(type, length)])).toEqual([])
    await revertLast(db, [flags(type, length)])
    expect(await db.query(`SELECT id, f + 0 AS f FROM flags ORDER BY id`)).toEqual([{ id: 1, f: 1 }, { id: 2, f: 0 }, { id: 3, f: null }])
  })
})

const values = (type: string, extra: object) => new EntitySchema({
  name: 'Value', tableName: 'vals',
  columns: { id: { type: 'int', primary: true }, v: { type: type as never, nullable: true, ...extra } },
})

describe('mariadb: text or a number made binary(n) or varbinary(n)', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('tobinary')
  })
  afterEach(async () => db?.drop())

  it.each([
    ['varchar(20) made binary(80)', values('varchar', { length: 20 }), `'ab'`, 'ab', values('binary', { length: 80 })],
    ['double made binary(255)', values('double', {}), '1.5', 1.5, values('binary', { length: 255 })],
  ])('%s: down restores each value, and the hazard says that up pads them', async (_, before, literal, value, after) => {
    await migrateTo(db, [before], 'Values')
    await db.query(`INSERT INTO vals (id, v) VALUES (1, ${literal}), (2, NULL)`)
    const migrated = await migrateTo(db, [after], 'Binary')
    expect(migrated.source).toMatch(/TYPE_CHANGE_REWRITE \(warning\): .*, which converts every stored value, padding each to the \d+ bytes of binary\(\d+\) \(lookups by the old values no longer match them\) and rewrites the table \(2 rows\)/)
    expect(await pendingChanges(db, [after])).toEqual([])
    await revertLast(db, [after])
    expect(await db.query(`SELECT id, v FROM vals ORDER BY id`)).toEqual([{ id: 1, v: value }, { id: 2, v: null }])
  })

  // It was a TYPE_CHANGE_REWRITE with no check, and the ALTER failed ("Data too long") after the statements before it.
  it.each([
    ['binary', 'ééééééé'],
    ['varbinary', 'éééééé'],
  ])('text longer than %s(10) takes: TYPE_NARROWING counts them in bytes, and the migration fails before changing anything', async (type, text) => {
    await migrateTo(db, [values('varchar', { length: 10 })], 'Values')
    await db.query(`INSERT INTO vals (id, v) VALUES (1, '${text}'), (2, 'ab'), (3, NULL)`)
    const result = await generateMigration(projectFor(db, [values(type, { length: 10 })]), 'Binary', 1_800_000_000_000)
    const source = readFileSync(result.file!, 'utf8')
    expect(source).toMatch(new RegExp(`TYPE_NARROWING \\(danger\\): Changes "vals"."v" from varchar\\(10\\) to ${type}\\(10\\).*\\(1 row is longer than 10 bytes\\)`))
    await expect(upgrade(projectFor(db, [values(type, { length: 10 })]))).rejects.toThrow(/longer than the 10 bytes/)
    expect(await db.query(`SELECT v FROM vals ORDER BY id`)).toEqual([{ v: text }, { v: 'ab' }, { v: null }])
  })
})
