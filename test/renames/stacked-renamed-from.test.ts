import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { RenamedFrom } from '../../src/source/renamed-from'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'

// A table and a column renamed twice (note to memo to reminder, body to text to content), the first @RenamedFrom
// kept and the second stacked beside it, as the advice says to add it: the second rename is a rename too, and keeps
// the rows. Only the topmost decorator counted, so the second looked unstated (exit 3, or the rows dropped).

@Entity('note')
class NoteV1 {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) body: string
}

@Entity('memo')
@RenamedFrom('note')
class NoteV2 {
  @PrimaryGeneratedColumn() id: number
  @RenamedFrom('body')
  @Column({ type: 'text' }) text: string
}

@Entity('reminder')
@RenamedFrom('note')
@RenamedFrom('memo')
class NoteV3 {
  @PrimaryGeneratedColumn() id: number
  @RenamedFrom('body')
  @RenamedFrom('text')
  @Column({ type: 'text' }) content: string
}

describe('postgres: @RenamedFrom stacked for a second rename', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createPostgresDatabase('stackedren')
    await migrateTo(db, [NoteV1], 'Init')
    await db.query(`INSERT INTO note (body) VALUES ('buy milk'), ('call Ann')`)
    await migrateTo(db, [NoteV2], 'Memo')
  })
  afterAll(async () => db?.drop())

  it('renames the table and the column again, keeping the rows, with no hint reported ignored', async () => {
    const dryRun = await generateMigration(projectFor(db, [NoteV3]), 'Reminder', 1_950_000_000_000, { dryRun: true })
    expect(dryRun.comparison.up.map((op) => op.kind)).toEqual(['rename_table', 'rename_column', 'rename_constraint'])
    expect(dryRun.comparison.warnings.map((w) => w.code)).toEqual([])
    await migrateTo(db, [NoteV3], 'Reminder')
    expect(await pendingChanges(db, [NoteV3])).toEqual([])
    expect(await db.query('SELECT id, content FROM reminder ORDER BY id')).toEqual([{ id: 1, content: 'buy milk' }, { id: 2, content: 'call Ann' }])
  })
})
