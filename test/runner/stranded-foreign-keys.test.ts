import { handMigrationsProject } from '../support/hand-migrations-project'
import { afterDatabaseLine } from '../support/run-cli'
import { createSqliteDatabase } from '../support/test-database'

// EPGStation's SQLite migration AddRawExtended1624085241577 reverts by renaming "recorded" aside, making it again
// and dropping the renamed table: SQLite had moved the other tables' foreign keys onto "temporary_recorded", so
// after `downgrade` every insert into them failed (`no such table: main.temporary_recorded`), and nothing said so.

const createNote = 'CREATE TABLE "note" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "text" varchar NOT NULL)'
const hand = (name: string, up: readonly string[], down: readonly string[]) => `
import { MigrationInterface, QueryRunner } from 'typeorm'
export class ${name} implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> { for (const s of ${JSON.stringify(up)}) await q.query(s) }
  async down(q: QueryRunner): Promise<void> { for (const s of ${JSON.stringify(down)}) await q.query(s) }
}
`

describe('on sqlite', () => {
  const cli = handMigrationsProject(createSqliteDatabase, [], {
    'migrations/1700000000000-Init.ts': hand('Init1700000000000', [
      createNote,
      'CREATE TABLE "attachment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "noteId" integer, CONSTRAINT "FK_attachment_note" FOREIGN KEY ("noteId") REFERENCES "note" ("id"))',
    ], ['DROP TABLE "attachment"', 'DROP TABLE "note"']),
    'migrations/1700000000001-Widen.ts': hand('Widen1700000000001', ['SELECT 1'], [
      'ALTER TABLE "note" RENAME TO "temporary_note"',
      createNote,
      'INSERT INTO "note"("id", "text") SELECT "id", "text" FROM "temporary_note"',
      'DROP TABLE "temporary_note"',
    ]),
  })

  it('downgrade warns of a foreign key its down left on a table it dropped', async () => {
    expect((await cli('upgrade', '--quiet')).code).toBe(0)
    const run = await cli('downgrade')
    expect(run.code).toBe(0)
    expect(afterDatabaseLine(run.stderr)).toBe('warning: STRANDED_FOREIGN_KEY: after the downgrade, foreign key "FK_attachment_note" of table "attachment" references table "temporary_note", which does not exist, so every write to "attachment" fails: restore the backup (`--backup`), or make "attachment" again with the foreign key on the table it is meant to reference; then fix the down that renamed a table aside\n')
    // Reverting Init drops both tables: nothing is left to strand.
    expect(afterDatabaseLine((await cli('downgrade')).stderr)).toBe('')
  })
})
