import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Column, Entity, Generated, PrimaryColumn } from 'typeorm'
import { migrateTo, pendingChanges } from '../support/migration-cycle'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// An auto-increment column of a type no sequence counts in (`@Generated() @PrimaryColumn() id: string`, n8n's
// executions' key, which its hand-written migrations make a serial) is refused before anything is written, naming
// the column and the fix. Against the serial column the database has, the migration turned it varchar and ended
// with ALTER SEQUENCE ... AS varchar, which failed; a new table with it stopped with an internal error.

let db: TestDatabase
beforeEach(async () => {
  db = await createPostgresDatabase('uncountable_increments')
})
afterEach(async () => db?.drop())

@Entity('execution')
class Execution {
  @Generated() @PrimaryColumn() id: string
  @Column() finished: boolean
}

const refusal = `"execution"."id" is auto-increment but of type varchar, which PostgreSQL cannot count in: give it an integer type (type: 'int'), then run again`

it('refuses a serial column made varchar, changing nothing', async () => {
  await db.query('CREATE TABLE execution (id serial PRIMARY KEY, finished boolean NOT NULL)')
  await db.query('INSERT INTO execution (finished) VALUES (true)')
  await expect(pendingChanges(db, [Execution])).rejects.toThrow(refusal)
  await expect(migrateTo(db, [Execution], 'Executions')).rejects.toThrow(refusal)
  const migrations = join(db.dir, 'migrations')
  expect(existsSync(migrations) ? readdirSync(migrations).filter((f) => f.endsWith('.ts')) : []).toEqual([])
  expect(await db.query("SELECT data_type FROM information_schema.columns WHERE table_name = 'execution' AND column_name = 'id'")).toEqual([{ data_type: 'integer' }])
})

it('refuses a new table with one, writing nothing', async () => {
  await expect(migrateTo(db, [Execution], 'Executions')).rejects.toThrow(refusal)
  expect(await db.query("SELECT tablename FROM pg_tables WHERE tablename = 'execution'")).toEqual([])
})

@Entity('ledger')
class Ledger {
  @Generated() @PrimaryColumn() id: string
  @Column({ type: 'int', default: true }) open: number
  @Column({ type: 'int', default: false }) closed: number
}

it('names every refused column of every table in one run, writing nothing', async () => {
  await expect(migrateTo(db, [Execution, Ledger], 'Executions')).rejects.toThrow(new RegExp(
    '^4 problems stop this run, fix each: \\(1\\) "execution"\\."id" is auto-increment .*; \\(2\\) "ledger"\\."id" is auto-increment .*; ' +
    '\\(3\\) "ledger"\\."open" is integer with the default true, .*; \\(4\\) "ledger"\\."closed" is integer with the default false, '))
  expect(await db.query("SELECT tablename FROM pg_tables WHERE tablename IN ('execution', 'ledger')")).toEqual([])
})
