import { dialectFor } from '../../src/dialect/dialect-for'
import { runScript } from '../support/run-script'
import { allDialects, inQuotesOf, type TestDatabase } from '../support/test-database'

// The failing check an offline script writes for a query one row of which fails the migration, run by each
// database's own client as the script's header says: it does nothing while the query returns no row, and
// fails the script with the message when it returns one.

describe.each(allDialects('failcheck'))('on %s', (label, createDatabase) => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createDatabase()
    await db.query(inQuotesOf(label, 'CREATE TABLE "item" ("id" integer, "found" integer)'))
    await db.query(inQuotesOf(label, 'INSERT INTO "item" ("id", "found") VALUES (1, 1)'))
  })
  afterAll(() => db.drop())

  const message = 'Check1700000000000 fails here: rows of "item" hold NULL in found, it\'s \\ not taken'
  // A column named like PL/pgSQL's own variable, and a comment ending the query.
  const query = inQuotesOf(label, 'SELECT 1 FROM "item" WHERE "found" IS NULL -- the rows in the way')
  const script = () => {
    const statements = dialectFor(db.options).migrationScript.failingCheck(query, message).map((s) => `${s};`)
    return [...statements, inQuotesOf(label, 'UPDATE "item" SET "id" = "id" + 10;')].join('\n')
  }

  it('does nothing where the query returns no row', async () => {
    runScript(db, script())
    expect(await db.query(inQuotesOf(label, 'SELECT "id" FROM "item"'))).toEqual([{ id: 11 }])
  })

  it('fails the script with the message where it returns a row, before the statements after it', async () => {
    await db.query(inQuotesOf(label, 'INSERT INTO "item" ("id", "found") VALUES (2, NULL)'))
    // MariaDB's error shows the start of the message, its client the statement holding all of it.
    const shown = label === 'mariadb' ? "Duplicate entry 'Check1700000000000 fails here: rows of" : message
    expect(() => runScript(db, script())).toThrow(shown)
    expect(await db.query(inQuotesOf(label, 'SELECT "id" FROM "item" ORDER BY "id"'))).toEqual([{ id: 2 }, { id: 11 }])
  })
})
