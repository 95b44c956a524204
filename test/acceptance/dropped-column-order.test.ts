import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Column, Entity, PrimaryColumn } from 'typeorm'
import { migrateTo, migratedDatabase, revertLast } from '../support/migration-cycle'
import { createMariaDbDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// A column `up` drops comes back in `down` where it stood, not at the end of the table: MySQL and MariaDB add it
// FIRST or AFTER the column before it, and SQLite rebuilds the table whole. (PostgreSQL adds a column at
// the end, and cannot do otherwise.) The random round trips compare columns in any order: this compares it.

@Entity('gauge')
class Full {
  @Column({ type: 'varchar', length: 20, nullable: true }) label: string | null
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true }) a: number | null
  @Column({ type: 'int', nullable: true }) b: number | null
  @Column({ type: 'int', nullable: true }) c: number | null
  @Column({ type: 'int', nullable: true, generatedType: 'VIRTUAL', asExpression: 'id * 2' }) twice: number | null
  @Column({ type: 'int', nullable: true }) d: number | null
}

@Entity('gauge')
class Thinned {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true }) b: number | null
  @Column({ type: 'int', nullable: true, generatedType: 'VIRTUAL', asExpression: 'id * 2' }) twice: number | null
  @Column({ type: 'int', nullable: true }) d: number | null
}

const columnsOf = async (db: TestDatabase): Promise<string[]> => {
  const sql = db.label === 'mariadb'
    ? `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'gauge' ORDER BY ordinal_position`
    : `SELECT name FROM pragma_table_xinfo('gauge') ORDER BY cid`
  return (await db.query<{ name: string }>(sql)).map((row) => row.name)
}

// d made text as well: SQLite rebuilds the table, in up and in down.
@Entity('gauge')
class ThinnedRetyped {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true }) b: number | null
  @Column({ type: 'int', nullable: true, generatedType: 'VIRTUAL', asExpression: 'id * 2' }) twice: number | null
  @Column({ type: 'text', nullable: true }) d: string | null
}

const cases = [
  ['mariadb', () => createMariaDbDatabase('colorder'), [Thinned, ThinnedRetyped]],
  // SQLite adds a column in place at the end only: down rebuilds a table whose column goes back elsewhere.
  ['sqlite', createSqliteDatabase, [Thinned, ThinnedRetyped]],
] as const

describe.each(cases)('%s: columns dropped and given back', (_label, createDatabase, targets) => {
  const database = migratedDatabase(createDatabase, [Full], 'INSERT INTO gauge (id, label, a, b, c, d) VALUES (1, \'x\', 1, 2, 3, 4)')

  it.each(targets.map((target) => [target.name, target] as const))('gives each column %s drops back its place in down: the first, two apart, one before a virtual column', async (_name, target) => {
    const db = database()
    const before = await columnsOf(db)
    expect(before).toEqual(['label', 'id', 'a', 'b', 'c', 'twice', 'd'])
    await migrateTo(db, [target], `Thin${target.name}`)
    expect(await columnsOf(db)).toEqual(['id', 'b', 'twice', 'd'])
    await revertLast(db, [target])
    expect(await columnsOf(db)).toEqual(before)
    expect(await db.query('SELECT id, b, twice, d FROM gauge')).toEqual([{ id: 1, b: 2, twice: 2, d: 4 }])
    // Reverted, its file would be pending for the next case.
    for (const file of readdirSync(join(db.dir, 'migrations')).filter((f) => f.includes('Thin'))) rmSync(join(db.dir, 'migrations', file))
  })
})

@Entity('meter')
class WithVirtual {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true, generatedType: 'VIRTUAL', asExpression: 'id * 2' }) twice: number | null
  @Column({ type: 'int', nullable: true }) after: number | null
  @Column({ type: 'int', nullable: true }) last: number | null
}

@Entity('meter')
class StoredWithoutAfter {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true, generatedType: 'STORED', asExpression: 'id * 2' }) twice: number | null
  @Column({ type: 'int', nullable: true }) last: number | null
}

// The column that `after` goes back after is dropped and added again by down (MariaDB switches a generated
// column between VIRTUAL and STORED so): one ALTER cannot do both, as it reads AFTER once its drops are done.
describe('mariadb: a column given back after a generated column whose storage down switches', () => {
  const database = migratedDatabase(() => createMariaDbDatabase('colorder2'), [WithVirtual], 'INSERT INTO meter (id, after, last) VALUES (1, 2, 3)')

  it('gives it back its place', async () => {
    const db = database()
    const columns = async () => (await db.query<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'meter' ORDER BY ordinal_position`)).map((row) => row.name)
    await migrateTo(db, [StoredWithoutAfter], 'Store')
    await revertLast(db, [StoredWithoutAfter])
    expect(await columns()).toEqual(['id', 'twice', 'after', 'last'])
    expect(await db.query('SELECT id, twice, last FROM meter')).toEqual([{ id: 1, twice: 2, last: 3 }])
  })
})
