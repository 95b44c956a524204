import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { RenamedFrom } from '../../src/source/renamed-from'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// Found on fdm-monster (SQLite): its maintenance log keeps one open entry per printer with a unique index on
// printerId WHERE completed = 0. Renaming `completed` (and writing the index's predicate with the new name) beside
// another change, every hazard of the migration lost its count: the duplicates of the partial index were counted
// with the predicate as the entities write it, on the database where the column still has its old name ("no such
// column: isCompleted"), and the probes are asked together. A predicate is asked only where no column of the table
// is renamed or added before it.

function entities(completedIs: string, quote: string) {
  @Entity('maintenance_log')
  @Index(['printerId'], { unique: true, where: `completed = ${completedIs}` })
  class LogBefore {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'int', nullable: true }) printerId: number | null
    @Column({ type: 'varchar', nullable: true }) printerName: string | null
    @Column({ type: 'boolean', default: false }) completed: boolean
  }

  @Entity('maintenance_log')
  @Index(['printerId'], { unique: true, where: `${quote}isCompleted${quote} = ${completedIs} AND ${quote}printerId${quote} IS NOT NULL` })
  class LogAfter {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'int', nullable: true }) printerId: number | null
    @RenamedFrom('completed') @Column({ type: 'boolean', default: false }) isCompleted: boolean
  }
  @Entity('maintenance_log')
  @Index(['printerId'], { unique: true, where: `completed = ${completedIs}` })
  @Index(['printerName'], { unique: true, where: `completed = ${completedIs}` })
  class LogWithNotes {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'int', nullable: true }) printerId: number | null
    @Column({ type: 'varchar', nullable: true }) printerName: string | null
    @Column({ type: 'boolean', default: false }) completed: boolean
    @Column({ type: 'varchar', nullable: true }) notes: string | null
  }
  return { LogBefore, LogAfter, LogWithNotes }
}

describe.each([
  ['sqlite', () => createSqliteDatabase(), '0', ''],
  ['postgres', () => createPostgresDatabase('partial_unique_rename'), 'false', '"'],
])('%s: a partial unique index whose predicate names a column renamed beside it', (_dialect, createDatabase, completedIs, quote) => {
  const { LogBefore, LogAfter, LogWithNotes } = entities(completedIs, quote)
  let db: TestDatabase
  beforeAll(async () => {
    db = await createDatabase()
    await migrateTo(db, [LogBefore], 'Init')
    await db.query(`INSERT INTO maintenance_log ("printerId", "printerName", completed) VALUES (1, 'Prusa', ${completedIs}), (1, NULL, ${completedIs === '0' ? '1' : 'true'}), (2, 'Voron', ${completedIs})`)
  })
  afterAll(async () => db?.drop())

  it('leaves its duplicates uncounted, and the other hazards keep their counts', async () => {
    const { hazards, warnings } = await compareProject(projectFor(db, [LogAfter]))
    expect(warnings.map((w) => w.code)).not.toContain('NOT_COUNTED')
    expect(hazards.find((h) => h.code === 'DROP_COLUMN')?.measurement?.text).toBe('2 non-null values')
    const unique = hazards.find((h) => h.code === 'ADD_UNIQUE')
    expect(unique?.message).toContain(`which fails while values repeat among the rows where ${quote}isCompleted${quote} = ${completedIs}`)
    expect(unique?.measurement).toBeUndefined()
  })

  it('counts its duplicates where the column added before it is one its predicate does not name', async () => {
    const unique = (await compareProject(projectFor(db, [LogWithNotes]))).hazards.find((h) => h.code === 'ADD_UNIQUE')
    expect(unique?.measurement?.text).toBe('no duplicate values of ("printerName")')
  })
})
