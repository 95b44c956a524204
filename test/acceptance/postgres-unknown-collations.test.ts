import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { EntitySchema } from 'typeorm'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A column's collation the database does not have (activepieces' piece versions sort by `en_natural`, which a
// hand-written migration of theirs creates) is refused before anything is written, naming the column and the fix.
// The migration was written, and failed at its CREATE TABLE: collation "en_natural" for encoding "UTF8" does not exist.

let db: TestDatabase
beforeEach(async () => {
  db = await createPostgresDatabase('unknown_collations')
})
afterEach(async () => db?.drop())

const Piece = new EntitySchema<{ id: number; name: string; version: string }>({
  name: 'piece',
  columns: {
    id: { type: Number, primary: true },
    name: { type: String },
    version: { type: String, collation: 'en_natural' },
  },
})

const refusal = `"piece"."version" declares collation "en_natural", which this database does not have: create it first (CREATE COLLATION, ` +
  'in a migration of your own: typeorm-autogen create, then upgrade), or name one that pg_collation lists in the entity, then run again'

it('refuses a new table with one, writing nothing', async () => {
  await expect(migrateTo(db, [Piece], 'Pieces')).rejects.toThrow(refusal)
  const migrations = join(db.dir, 'migrations')
  expect(existsSync(migrations) ? readdirSync(migrations).filter((f) => f.endsWith('.ts')) : []).toEqual([])
  expect(await db.query("SELECT tablename FROM pg_tables WHERE tablename = 'piece'")).toEqual([])
})

it('refuses a column of the database made to use one, changing nothing', async () => {
  await db.query('CREATE TABLE piece (id integer PRIMARY KEY, name varchar NOT NULL, version varchar NOT NULL)')
  await expect(pendingChanges(db, [Piece])).rejects.toThrow(refusal)
})

it('makes the table once the database has it, and finds nothing to change after', async () => {
  await db.query("CREATE COLLATION en_natural (LOCALE = 'en-US-u-kn-true', PROVIDER = 'icu')")
  await migrateTo(db, [Piece], 'Pieces')
  expect(await pendingChanges(db, [Piece])).toEqual([])
  expect(await db.query("SELECT collation_name FROM information_schema.columns WHERE table_name = 'piece' AND column_name = 'version'")).toEqual([{ collation_name: 'en_natural' }])
})
