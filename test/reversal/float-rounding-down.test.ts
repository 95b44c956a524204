import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { type TestDatabase, allDialects, inQuotesOf } from '../support/test-database'
import { type FloatTypes, readingEntity } from './float-rounding-down-entities'

// A `down` that makes a number a float again (a double a real, a decimal or a bigint a double) would round the values
// written since that have more significant digits than the float keeps, without a word from the database: it checks
// for them first and stops, changing nothing. A value the float reads back as written (0.1, 1.5) is no obstacle.

const serverDialects = allDialects('floatdown').filter(([label]) => label !== 'sqlite')

describe.each(serverDialects)('%s: down making numbers floats again', (label, createDatabase) => {
  let db: TestDatabase
  const floats: FloatTypes = label === 'postgres' ? { single: 'real', double: 'double precision' } : { single: 'float', double: 'double' }
  const narrow = readingEntity(floats, false)
  const wide = readingEntity(floats, true)
  const sql = (text: string) => inQuotesOf(label, text)
  const rowsNow = () => db.query(sql('SELECT id, level, ratio, total FROM reading ORDER BY id'))
  const refusal = () => revertLast(db, [wide]).then(() => undefined, (err: Error) => err.message)
  const column = (name: string) => `"(public"\\.")?reading"\\."${name}"`
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, [narrow], 'Init')
    await db.query(sql('INSERT INTO reading (level, ratio, total) VALUES (1.5, 0.5, 3)'))
    await migrateTo(db, [wide], 'Digits')
    await db.query(sql('INSERT INTO reading (level, ratio, total) VALUES (0.1, 0.1, 3)'))
  })
  afterAll(async () => db?.drop())

  it.each([
    ['level', '1.23456789012345', floats.double, floats.single],
    ['ratio', '0.12345678901234567890', 'decimal\\(30,20\\)|numeric\\(30,20\\)', floats.double],
    ['total', '9007199254740993', 'bigint', floats.double],
  ])('stops while %s holds %s, which the float would round', async (name, value, from, to) => {
    await db.query(sql(`UPDATE reading SET "${name}" = ${value} WHERE id = 2`))
    const written = await rowsNow()
    expect(await refusal()).toMatch(new RegExp(`down cannot run: changing ${column(name)} back from (${from}) to ${to} would round its values more precise than ${to} keeps; .*nothing was changed`))
    expect(await pendingChanges(db, [wide])).toEqual([])
    expect(await rowsNow()).toEqual(written)
    await db.query(sql(`UPDATE reading SET "${name}" = ${name === 'total' ? 3 : 0.1} WHERE id = 2`))
  })

  it('runs once every value reads back as written', async () => {
    await revertLast(db, [wide])
    expect(await pendingChanges(db, [narrow])).toEqual([])
    expect((await rowsNow()).map((row) => [Number(row.level), Number(row.ratio), Number(row.total)])).toEqual([[1.5, 0.5, 3], [0.1, 0.1, 3]])
  })
})
