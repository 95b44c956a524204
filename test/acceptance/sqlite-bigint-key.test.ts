import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { createSqliteDatabase, type TestDatabase } from '../support/test-database'

// A bigint generated key, common in projects written for PostgreSQL or MySQL, which TypeORM's synchronize cannot
// create on SQLite ("AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY"): written as `integer`, it is
// created, keys rows, finds no change afterwards, and reverts.

@Entity('ledger')
class Ledger {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string
  @Column() label: string
}

@Entity('ledger_line')
class LedgerLine {
  @PrimaryGeneratedColumn('increment', { type: 'int' }) id: number
  @ManyToOne(() => Ledger, { onDelete: 'CASCADE' }) ledger: Ledger
}

let db: TestDatabase
beforeAll(async () => { db = await createSqliteDatabase() })
afterAll(async () => db?.drop())

it('creates a bigint or int generated key as an INTEGER PRIMARY KEY AUTOINCREMENT, then finds nothing to change', async () => {
  const { source } = await migrateTo(db, [Ledger, LedgerLine], 'Ledger')
  expect(source).toContain('"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "label"')
  expect(await pendingChanges(db, [Ledger, LedgerLine])).toEqual([])
  await db.query(`INSERT INTO ledger (label) VALUES ('a'), ('b')`)
  await db.query('INSERT INTO ledger_line ("ledgerId") VALUES (2)')
  expect(await db.query('SELECT id, label FROM ledger ORDER BY id')).toEqual([{ id: 1, label: 'a' }, { id: 2, label: 'b' }])
  await db.query('DELETE FROM ledger_line')
  await db.query('DELETE FROM ledger')
  await revertLast(db, [Ledger, LedgerLine])
  expect(await pendingChanges(db, [])).toEqual([])
})
