import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { Column, Entity, PrimaryColumn } from 'typeorm'
import { RenamedFrom } from '../../src/decorators'
import { expectCleanCycle, migrateTo, migratedDatabase } from '../support/migration-cycle'
import { allDialects } from '../support/test-database'

// A generated column added with the column it reads comes after it, and is dropped before it, whatever their
// names: the database refuses an expression naming a column it does not have (found by random round trips).

const flag = 'CASE WHEN z IS NULL THEN 0 ELSE 1 END'

@Entity('gauge')
class Plain {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true }) b: number | null
}

// "flagged" sorts before "z", which it reads.
@Entity('gauge')
class WithFlag {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true }) b: number | null
  @Column({ type: 'int', nullable: true }) z: number | null
  @Column({ type: 'int', nullable: true, generatedType: 'STORED', asExpression: flag }) flagged: number | null
}

// "a" sorts before "twice", which reads it.
@Entity('gauge')
class WithTwice {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true }) b: number | null
  @Column({ type: 'int', nullable: true }) a: number | null
  @Column({ type: 'int', nullable: true, generatedType: 'STORED', asExpression: 'a * 2' }) twice: number | null
}

describe.each(allDialects('genorder'))('%s: generated columns and the columns they read', (_label, createDatabase) => {
  const database = migratedDatabase(createDatabase, [Plain], 'INSERT INTO gauge (id, b) VALUES (1, 10), (2, NULL)')

  it('adds the generated column after the column it reads, and drops it first in down', async () => {
    const db = database()
    const { rowsAfter } = await expectCleanCycle(db, [Plain], [WithFlag], 'AddFlag', 'SELECT id, b FROM gauge ORDER BY id')
    expect(rowsAfter).toEqual([{ id: 1, b: 10 }, { id: 2, b: null }])
    // Reverted, its file would be pending for the next step.
    for (const file of readdirSync(join(db.dir, 'migrations')).filter((f) => f.includes('AddFlag'))) rmSync(join(db.dir, 'migrations', file))
  })

  it('drops the generated column before the column it reads, and adds it after in down', async () => {
    const db = database()
    await migrateTo(db, [WithTwice], 'AddTwice')
    await db.query('UPDATE gauge SET a = id')
    const { rowsAfter } = await expectCleanCycle(db, [WithTwice], [Plain], 'DropTwice', 'SELECT id, b FROM gauge ORDER BY id')
    expect(rowsAfter).toEqual([{ id: 1, b: 10 }, { id: 2, b: null }])
  })
})

// "b" is renamed onto the name "a" frees: "a" is dropped first, and "twice", which reads it, with it.
@Entity('gauge')
class WithSource {
  @PrimaryColumn('int') id: number
  @Column({ type: 'int', nullable: true }) a: number | null
  @Column({ type: 'int', nullable: true }) b: number | null
  @Column({ type: 'int', nullable: true, generatedType: 'STORED', asExpression: 'a * 2' }) twice: number | null
}

@Entity('gauge')
class RenamedOntoSource {
  @PrimaryColumn('int') id: number
  @RenamedFrom('b') @Column({ type: 'int', nullable: true }) a: number | null
}

describe.each(allDialects('genfreed'))('%s: a rename onto the name of a column a generated column reads', (_label, createDatabase) => {
  const database = migratedDatabase(createDatabase, [WithSource], 'INSERT INTO gauge (id, a, b) VALUES (1, 1, 10), (2, 2, NULL)')

  it('drops the generated column with the column whose name the rename takes, and back', async () => {
    const { rowsAfter } = await expectCleanCycle(database(), [WithSource], [RenamedOntoSource], 'RenameOnto', 'SELECT id FROM gauge ORDER BY id')
    expect(rowsAfter).toEqual([{ id: 1 }, { id: 2 }])
  })
})
