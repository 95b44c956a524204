import { generateMigration } from '../../src/pipeline/generate-migration'
import { readFileSync, rmSync } from 'node:fs'
import { migrateTo, pendingChanges, projectFor, revertLast } from '../support/migration-cycle'
import { type TestDatabase, createSqliteDatabase } from '../support/test-database'
import { ledgerEntity } from './sqlite-text-rounding-entities'

// SQLite keeps a text that does not spell a number as it is when its column is made a number, and stores one that
// does as a float where no integer holds it: a float keeps 15 significant digits, so '12345678901234567890' comes
// back 1.23456789012346e+19, without a word. `up` warns of those values, counted; `down` checks for them and stops.

describe('sqlite: text made a number rounds the numbers a float does not keep', () => {
  let db: TestDatabase
  afterEach(async () => db?.drop())

  it('up counts them, apart from the values that stay text', async () => {
    db = await createSqliteDatabase()
    await migrateTo(db, [ledgerEntity('varchar')], 'Init')
    await db.query(`INSERT INTO ledger (amount) VALUES ('12.5'), ('12345678901234567890'), ('0.1000000000000000055'), ('abc'), ('9007199254740993'), ('1e999')`)
    const toNumeric = await generateMigration(projectFor(db, [ledgerEntity('numeric')]), 'Numeric', 1_900_000_000_000)
    const numeric = readFileSync(toNumeric.file!, 'utf8')
    rmSync(toNumeric.file!)
    expect(numeric).toContain('TYPE_NARROWING')
    expect(numeric).toMatch(/which rounds the numbers it converts that have more digits than a float keeps[\s\S]*3 values change as numeric/)
    expect(numeric).toMatch(/TYPE_CAST_MAY_FAIL[\s\S]*1 value does not look like numeric/)

    // A REAL holds no integer beyond 2^53 exactly either.
    const toDouble = await generateMigration(projectFor(db, [ledgerEntity('double')]), 'Double', 1_900_000_001_000)
    expect(readFileSync(toDouble.file!, 'utf8')).toMatch(/4 values change as double/)
  })

  it('down stops while a value would be rounded, and runs once none would', async () => {
    db = await createSqliteDatabase()
    await migrateTo(db, [ledgerEntity('numeric')], 'Init')
    await migrateTo(db, [ledgerEntity('varchar')], 'Text')
    await db.query(`INSERT INTO ledger (amount) VALUES ('0.1000000000000000055'), ('abc'), ('42')`)
    const written = await db.query('SELECT id, amount FROM ledger ORDER BY id')

    const refusal = await revertLast(db, [ledgerEntity('varchar')]).then(() => undefined, (err: Error) => err.message)
    expect(refusal).toMatch(/down cannot run: changing "ledger"\."amount" back from varchar to numeric would round its values more precise than numeric keeps; .*nothing was changed/)
    expect(await pendingChanges(db, [ledgerEntity('varchar')])).toEqual([])
    expect(await db.query('SELECT id, amount FROM ledger ORDER BY id')).toEqual(written)

    await db.query(`UPDATE ledger SET amount = '0.1' WHERE id = 1`)
    await revertLast(db, [ledgerEntity('varchar')])
    expect(await pendingChanges(db, [ledgerEntity('numeric')])).toEqual([])
    expect(await db.query('SELECT id, amount, typeof(amount) AS stored FROM ledger ORDER BY id')).toEqual([
      { id: 1, amount: 0.1, stored: 'real' }, { id: 2, amount: 'abc', stored: 'text' }, { id: 3, amount: 42, stored: 'integer' },
    ])
  })
})
