import { readFileSync } from 'node:fs'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { type TestDatabase, allDialects, inQuotesOf } from '../support/test-database'
import { priceEntity } from './rounding-down-entities'

// A `down` that gives a column back fewer decimal places or fractional seconds than `up` gave it would round
// the values written since, without a word from the database: it checks for them first and stops, changing
// nothing. SQLite keeps every value as it is through the rebuild, and checks nothing.

describe.each(allDialects('rounddown'))('%s: down giving back fewer decimals and fractional seconds', (label, createDatabase) => {
  let db: TestDatabase
  const moment = label === 'postgres' ? 'timestamp' : 'datetime'
  const whole = priceEntity(moment, false)
  const cents = priceEntity(moment, true)
  const sql = (text: string) => inQuotesOf(label, text)
  const rowsNow = () => db.query(sql('SELECT id, amount, "paidAt" FROM price ORDER BY id'))
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, [whole], 'Init')
    await db.query(sql(`INSERT INTO price (amount, "paidAt") VALUES (3, '2024-01-01 10:00:00')`))
  })
  afterAll(async () => db?.drop())

  it('stops down while a value would be rounded, and runs once none would', async () => {
    const result = await generateMigration(projectFor(db, [cents]), 'Cents', 1_900_000_000_000)
    expect(await upgrade(projectFor(db, [cents]))).toEqual(['Cents1900000000000'])
    await db.query(sql(`INSERT INTO price (amount, "paidAt") VALUES (2.5, '2024-01-01 10:00:00')`))
    const written = await rowsNow()
    const down = readFileSync(result.file!, 'utf8').split('public async down')[1]!

    if (label === 'sqlite') {
      expect(down).not.toContain('down cannot run')
      await revertLast(db, [cents])
      expect(await pendingChanges(db, [whole])).toEqual([])
      expect((await rowsNow()).map((row) => Number(row.amount))).toEqual([3, 2.5])
      expect(await db.query(`SELECT "paidAt" FROM price WHERE id = 2`)).toEqual([{ paidAt: '2024-01-01 10:00:00' }])
      return
    }
    const refusal = () => revertLast(db, [cents]).then(() => undefined, (err: Error) => err.message)
    expect(await refusal()).toMatch(/down cannot run: changing "(public"\.")?price"\."amount" back from (numeric|decimal)\(12,2\) to (integer|int) would round its values with a fractional part; .*nothing was changed/)
    expect(await pendingChanges(db, [cents])).toEqual([])
    expect(await rowsNow()).toEqual(written)

    await db.query(sql(`UPDATE price SET amount = 3, "paidAt" = '2024-01-01 10:00:00.250' WHERE id = 2`))
    expect(await refusal()).toMatch(new RegExp(`down cannot run: changing "(public"\\.")?price"\\."paidAt" back from ${moment}\\(3\\) to ${moment}(\\(0\\))? would round or cut the time`))
    expect(await pendingChanges(db, [cents])).toEqual([])

    await db.query(sql(`UPDATE price SET "paidAt" = '2024-01-01 10:00:00'`))
    await revertLast(db, [cents])
    expect(await pendingChanges(db, [whole])).toEqual([])
    expect((await rowsNow()).map((row) => Number(row.amount))).toEqual([3, 3])
  })
})
