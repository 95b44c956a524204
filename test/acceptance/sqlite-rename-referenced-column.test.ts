import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm'
import { RenamedFrom } from '../../src/decorators'
import { expectCleanCycle, migrateTo } from '../support/migration-cycle'
import { createSqliteDatabase, type TestDatabase } from '../support/test-database'

// A child's foreign key names a parent's unique column, which is renamed. SQLite renames it by rebuilding the
// parent (the unique's name changes with the column); the child's REFERENCES clause is text of the child's
// own CREATE TABLE, which the parent's rebuild leaves naming the old column, so the child is rebuilt too.

function entities(column: 'code' | 'sku', length: number) {
  @Entity('parent')
  class Parent {
    @PrimaryColumn() id: number
    @Column({ type: 'varchar', length, unique: true, name: column }) code: string
  }
  if (column === 'sku') RenamedFrom('code')(Parent.prototype, 'code')

  @Entity('child')
  class Child {
    @PrimaryColumn() id: number
    @Index() @ManyToOne(() => Parent, { nullable: true, onDelete: 'CASCADE' })
    @JoinColumn({ name: 'pcode', referencedColumnName: 'code' })
    parent: Parent
  }
  return [Parent, Child]
}

let db: TestDatabase
beforeEach(async () => {
  db = await createSqliteDatabase()
  await migrateTo(db, entities('code', 10), 'Init')
  await db.query(`INSERT INTO "parent" ("id", "code") VALUES (1, 'p1'), (2, 'p2')`)
  await db.query(`INSERT INTO "child" ("id", "pcode") VALUES (1, 'p1'), (2, NULL), (3, 'p2')`)
})
afterEach(async () => db?.drop())

it.each([
  ['alone', 10],
  ['with a widening', 20],
])('renames a column a foreign key references, %s, and the child follows both ways', async (_what, length) => {
  const cycle = await expectCleanCycle(db, entities('code', 10), entities('sku', length), 'RenameCode', 'SELECT * FROM child ORDER BY id')
  expect(cycle.rowsAfter).toEqual([{ id: 1, pcode: 'p1' }, { id: 2, pcode: null }, { id: 3, pcode: 'p2' }])
  // Each table rebuilt is a hazard of its own, its rows counted.
  expect(cycle.source).toContain('// hazard TABLE_REBUILD (warning): Rebuilds table "parent": a new table is created, every row copied into it, the old one dropped and its indexes created again (2 rows)')
  expect(cycle.source).toContain('// hazard TABLE_REBUILD (warning): Rebuilds table "child": a new table is created, every row copied into it, the old one dropped and its indexes created again (3 rows)')
  expect(await db.query('PRAGMA foreign_key_check')).toEqual([])
  await db.query(`DELETE FROM "parent" WHERE "id" = 1`)
  expect(await db.query('SELECT id FROM child ORDER BY id')).toEqual([{ id: 2 }, { id: 3 }])
})
