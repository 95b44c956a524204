import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { createSqliteDatabase, type TestDatabase } from '../support/test-database'

// A rebuild creates a new table and copies the rows into it. Its AUTOINCREMENT counter (sqlite_sequence) then
// started from the highest id copied, and the id of a deleted last row was handed out again, which
// AUTOINCREMENT promises never to do: the counter is carried over, both ways.

function entities(nullable: boolean) {
  @Entity('item')
  class Item {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'varchar', length: 20, nullable }) name: string
  }
  return [Item]
}

let db: TestDatabase
beforeEach(async () => {
  db = await createSqliteDatabase()
  await migrateTo(db, entities(false), 'Init')
})
afterEach(async () => db?.drop())

const insertedId = async (name: string) => {
  await db.query(`INSERT INTO "item" ("name") VALUES ('${name}')`)
  return (await db.query(`SELECT max("id") AS id FROM "item"`))[0].id
}

it.each([
  ['the last row deleted', 'DELETE FROM "item" WHERE "id" = 3'],
  ['every row deleted', 'DELETE FROM "item"'],
])('a rebuild hands out no deleted id again, with %s', async (_what, deletion) => {
  for (const name of ['a', 'b', 'c']) await insertedId(name)
  await db.query(deletion)
  await migrateTo(db, entities(true), 'NameNullable')
  expect(await pendingChanges(db, entities(true))).toEqual([])
  expect(await insertedId('after up')).toBe(4)
  await db.query('DELETE FROM "item" WHERE "id" = 4')
  await revertLast(db, entities(true))
  expect(await pendingChanges(db, entities(false))).toEqual([])
  expect(await insertedId('after down')).toBe(5)
})
