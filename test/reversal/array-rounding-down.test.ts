import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'
import { sampleEntity } from './array-rounding-down-entities'

// A `down` that gives arrays of numbers back fewer decimal places or significant digits checks their elements for
// values it would round, and stops while one is; it runs once none is (its check compares the arrays as exact
// numbers: numeric[] and integer[] have no comparison of their own).

describe('down giving arrays of numbers back fewer digits', () => {
  let db: TestDatabase
  const before = sampleEntity(false)
  const after = sampleEntity(true)
  const rowsNow = () => db.query('SELECT id, counts::text AS counts, levels::text AS levels FROM sample ORDER BY id')
  const refusal = () => revertLast(db, [after]).then(() => undefined, (err: Error) => err.message)
  beforeAll(async () => {
    db = await createPostgresDatabase('arraydown')
    await migrateTo(db, [before], 'Init')
    await db.query(`INSERT INTO sample (counts, levels) VALUES ('{1,2}', '{1.5}')`)
    await migrateTo(db, [after], 'Digits')
  })
  afterAll(async () => db?.drop())

  it.each([
    ['counts', `'{1,2.5}'`, 'numeric\\(10,2\\)\\[\\] to integer\\[\\]'],
    ['levels', `'{0.1,1.23456789012345}'`, 'double precision\\[\\] to real\\[\\]'],
  ])('stops while %s holds %s', async (name, value, change) => {
    await db.query(`UPDATE sample SET ${name} = ${value}`)
    const written = await rowsNow()
    expect(await refusal()).toMatch(new RegExp(`down cannot run: changing "public"\\."sample"\\."${name}" back from ${change} would round its values more precise than .* keeps; .*nothing was changed`))
    expect(await pendingChanges(db, [after])).toEqual([])
    expect(await rowsNow()).toEqual(written)
    await db.query(`UPDATE sample SET ${name} = ${name === 'counts' ? `'{1,2}'` : `'{0.1,NULL}'`}`)
  })

  it('runs once every element reads back as written', async () => {
    await revertLast(db, [after])
    expect(await pendingChanges(db, [before])).toEqual([])
    expect(await rowsNow()).toEqual([{ id: 1, counts: '{1,2}', levels: '{0.1,NULL}' }])
  })
})
