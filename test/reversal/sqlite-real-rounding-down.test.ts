import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { type TestDatabase, createSqliteDatabase } from '../support/test-database'
import { readingEntity } from './float-rounding-down-entities'

// SQLite stores a REAL column's values as 8-byte floats: the rebuild of a `down` that makes an integer column a
// `double` again rounds the integers beyond 2^53 written since, without a word. It checks for them first and
// stops, changing nothing. (A real made a double, or a decimal made a double, is the same REAL or keeps its
// values: no check.)

describe('sqlite: down making integers floats again', () => {
  let db: TestDatabase
  const floats = { single: 'real', double: 'double' } as const
  const narrow = readingEntity(floats, false)
  const wide = readingEntity(floats, true)
  const rowsNow = () => db.query('SELECT id, level, ratio, total, typeof(total) AS stored FROM reading ORDER BY id')
  beforeAll(async () => {
    db = await createSqliteDatabase()
    await migrateTo(db, [narrow], 'Init')
    await migrateTo(db, [wide], 'Digits')
    await db.query('INSERT INTO reading (level, ratio, total) VALUES (1.23456789012345, 0.5, 9007199254740993)')
  })
  afterAll(async () => db?.drop())

  it('stops while an integer would be rounded, and runs once none would', async () => {
    const written = await rowsNow()
    const refusal = await revertLast(db, [wide]).then(() => undefined, (err: Error) => err.message)
    expect(refusal).toMatch(/down cannot run: changing "reading"\."total" back from bigint to double would round its values more precise than double keeps; .*nothing was changed/)
    expect(await pendingChanges(db, [wide])).toEqual([])
    expect(await rowsNow()).toEqual(written)

    await db.query('UPDATE reading SET total = 9007199254740992')
    await revertLast(db, [wide])
    expect(await pendingChanges(db, [narrow])).toEqual([])
    expect(await rowsNow()).toEqual([{ id: 1, level: 1.23456789012345, ratio: 0.5, total: 9007199254740992, stored: 'real' }])
  })
})
