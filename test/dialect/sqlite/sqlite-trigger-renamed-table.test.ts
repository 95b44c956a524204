import { triggerWithTableRenamed } from '../../../src/dialect/sqlite/sqlite-trigger-renamed-table'
import { createSqliteDatabase, type TestDatabase } from '../../support/test-database'

// The text a rebuild gives a renamed table's own triggers, where the legacy rename leaves their text as it is,
// against the text SQLite's own RENAME writes: a column named like the table stays.

const trigger = [
  'CREATE TRIGGER account_stamps AFTER UPDATE OF account ON account',
  'WHEN new.account IS NOT old.account',
  "BEGIN UPDATE account SET account = account || '!', n = (SELECT count(*) FROM main.account AS a WHERE a.id < account.id) WHERE id = new.id;",
  'INSERT INTO log (msg) SELECT account FROM "account" JOIN log ON log.msg = account.account; END',
].join(' ')

let db: TestDatabase
beforeAll(async () => {
  db = await createSqliteDatabase()
  await db.query('CREATE TABLE account (id integer PRIMARY KEY, account text, n integer)')
  await db.query('CREATE TABLE log (msg text)')
  await db.query(trigger)
})
afterAll(async () => db?.drop())

it('names the table as SQLite names it once renamed, and leaves a column of its name as it is', async () => {
  await db.query('ALTER TABLE account RENAME TO member')
  const [{ sql }] = await db.query<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE name = 'account_stamps'`)
  expect(triggerWithTableRenamed(trigger, 'account', 'member')).toBe(sql)
})
