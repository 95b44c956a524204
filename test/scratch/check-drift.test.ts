import { readFileSync } from 'fs'
import { runCliInProcess } from '../support/run-cli'
import { postgresSchemaDump } from '../support/postgres-schema-dump'
import { createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'
import type { TempProject } from '../support/temp-project'
import { handMigration, mariadbScratchDatabasesOf, mariadbUrl, postgresUrl, scratchDatabasesOf, scratchProject, unusedDatabaseName } from '../support/scratch-project'

// check --drift: the live database against the schema the migrations it applied build. A change made by
// hand is drift (exit 4); the live database is only read.

const init = (dialect: 'sqlite' | 'postgres') => handMigration('Init1700000000000', [
  dialect === 'sqlite'
    ? 'CREATE TABLE "note" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "text" varchar NOT NULL)'
    : 'CREATE TABLE "note" ("id" SERIAL NOT NULL, "text" character varying NOT NULL, CONSTRAINT "PK_96d0c172a4fba276b1bbed43058" PRIMARY KEY ("id"))',
], ['DROP TABLE "note"'])
const later = handMigration('Later1700000000001', ['CREATE TABLE "later" ("id" integer)'], ['DROP TABLE "later"'])

// Veramo's PreMigrationKey: a second entity of the table "note", kept in the entities for a data migration that
// reads a column the later migrations drop. Drift leaves the entities out, so their declaring "note" twice
// (which check and generate refuse) must not stop it.
const twoEntitiesOfNote = `
import { Column, Entity, PrimaryColumn } from 'typeorm'
import { Note } from './note'
@Entity('note')
export class PreMigrationNote extends Note {
  @PrimaryColumn() id: number
  @Column({ nullable: true }) legacy?: string
}
`
const withPreMigrationNote = (project: TempProject) => {
  project.write('pre-migration-note.ts', twoEntitiesOfNote)
  project.write('ormconfig.ts', readFileSync(project.file('ormconfig.ts'), 'utf8')
    .replace("import { Note } from './note'", "import { Note } from './note'\nimport { PreMigrationNote } from './pre-migration-note'")
    .replace('entities: [Note]', 'entities: [Note, PreMigrationNote]'))
}

let project: TempProject
afterEach(() => project.remove())

describe('on PostgreSQL', () => {
  let live: TestDatabase
  let env: Record<string, string>
  beforeEach(async () => {
    live = await createPostgresDatabase('drift')
    env = { DATABASE_URL: postgresUrl((live.options as { database: string }).database) }
    project = scratchProject()
    project.write('migrations/1700000000000-Init.ts', init('postgres'))
    expect((await runCliInProcess(project.dir, ['upgrade'], env)).code).toBe(0)
  })
  afterEach(async () => {
    expect(await scratchDatabasesOf((live.options as { database: string }).database)).toEqual([])
    await live.drop()
  })

  it('reports an index created by hand as drift (exit 4), reading the live database only', async () => {
    // A migration the live database has not applied yet is no drift: it is left out of the scratch database.
    project.write('migrations/1700000000001-Later.ts', later)
    const clean = await runCliInProcess(project.dir, ['check', '--drift'], env)
    expect(clean.stdout).toContain('OK: the live database has the schema its applied migrations build.')
    expect(clean.code).toBe(0)

    await live.query('CREATE INDEX "idx_by_hand" ON "note" ("text")')
    const before = { schema: postgresSchemaDump(live), rows: await live.query('SELECT * FROM "migrations" ORDER BY "id"') }
    const run = await runCliInProcess(project.dir, ['check', '--drift'], env)
    expect(run.stderr).toContain('drift: the live database has index "idx_by_hand" (text) on table "public.note" that no migration created\n')
    expect(run.stdout).toContain('CREATE INDEX "idx_by_hand" ON "public"."note" ("text");')
    expect(run.code).toBe(4)
    expect({ schema: postgresSchemaDump(live), rows: await live.query('SELECT * FROM "migrations" ORDER BY "id"') }).toEqual(before)
  })
  it('leaves the entities out: two entities of one table do not stop it, and drift is still found', async () => {
    withPreMigrationNote(project)
    expect((await runCliInProcess(project.dir, ['check'], env)).stderr).toContain('both map to table "note"')
    const clean = await runCliInProcess(project.dir, ['check', '--drift'], env)
    expect(clean.stdout).toContain('OK: the live database has the schema its applied migrations build.')
    expect(clean.code).toBe(0)
    await live.query('CREATE INDEX "idx_by_hand" ON "note" ("text")')
    const run = await runCliInProcess(project.dir, ['check', '--drift'], env)
    expect(run.stderr).toContain('drift: the live database has index "idx_by_hand" (text) on table "public.note" that no migration created\n')
    expect(run.code).toBe(4)
  })
})

describe('on MariaDB', () => {
  let live: TestDatabase
  let env: Record<string, string>
  const mariadbInit = handMigration('Init1700000000000', [
    'CREATE TABLE `note` (`id` int NOT NULL AUTO_INCREMENT, `text` varchar(255) NOT NULL, PRIMARY KEY (`id`))',
  ], ['DROP TABLE `note`'])
  const liveState = async () => ({ table: await live.query('SHOW CREATE TABLE "note"'), rows: await live.query('SELECT * FROM "migrations" ORDER BY "id"') })
  beforeEach(async () => {
    live = await createMariaDbDatabase('drift')
    env = { DATABASE_URL: mariadbUrl((live.options as { database: string }).database) }
    project = scratchProject()
    project.write('migrations/1700000000000-Init.ts', mariadbInit)
    expect((await runCliInProcess(project.dir, ['upgrade'], env)).code).toBe(0)
  })
  afterEach(async () => {
    expect(await mariadbScratchDatabasesOf((live.options as { database: string }).database)).toEqual([])
    await live.drop()
  })

  it('reports an index created by hand as drift (exit 4), reading the live database only', async () => {
    project.write('migrations/1700000000001-Later.ts', later)
    const clean = await runCliInProcess(project.dir, ['check', '--drift'], env)
    expect(clean.stdout).toContain('OK: the live database has the schema its applied migrations build.')
    expect(clean.code).toBe(0)

    await live.query('CREATE INDEX "idx_by_hand" ON "note" ("text")')
    const before = await liveState()
    const run = await runCliInProcess(project.dir, ['check', '--drift'], env)
    expect(run.stderr).toContain('drift: the live database has index "idx_by_hand" (text) on table "note" that no migration created\n')
    expect(run.stdout).toContain('ADD INDEX IF NOT EXISTS `idx_by_hand` (`text`)')
    expect(run.code).toBe(4)
    expect(await liveState()).toEqual(before)
  })

  // Swetrix's hand-written SQL names no action on its keys (the server reports RESTRICT) where TypeORM's and the
  // tool's migrations write NO ACTION: InnoDB checks the two alike, so a key made either way is no drift.
  it('a foreign key whose action is RESTRICT live and NO ACTION in the migrations is no drift', async () => {
    project.write('migrations/1700000000001-Tags.ts', handMigration('Tags1700000000001', [
      'CREATE TABLE `tag` (`id` int NOT NULL AUTO_INCREMENT, `noteId` int NULL, INDEX `FK_tag_note` (`noteId`), PRIMARY KEY (`id`))',
      'ALTER TABLE `tag` ADD CONSTRAINT `FK_tag_note` FOREIGN KEY (`noteId`) REFERENCES `note` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    ], ['DROP TABLE `tag`']))
    expect((await runCliInProcess(project.dir, ['upgrade'], env)).code).toBe(0)
    await live.query('ALTER TABLE `tag` DROP FOREIGN KEY `FK_tag_note`')
    await live.query('ALTER TABLE `tag` ADD CONSTRAINT `FK_tag_note` FOREIGN KEY (`noteId`) REFERENCES `note` (`id`) ON DELETE CASCADE')
    const run = await runCliInProcess(project.dir, ['check', '--drift'], env)
    expect(run.stderr).not.toContain('drift:')
    expect(run.stdout).toContain('OK: the live database has the schema its applied migrations build.')
    expect(run.code).toBe(0)
  })
})

describe('on SQLite', () => {
  let live: TestDatabase
  let env: Record<string, string>
  beforeEach(async () => {
    live = await createSqliteDatabase()
    env = { DATABASE_URL: '', SQLITE_FILE: (live.options as { database: string }).database }
    project = scratchProject()
    project.write('migrations/1700000000000-Init.ts', init('sqlite'))
    expect((await runCliInProcess(project.dir, ['upgrade'], env)).code).toBe(0)
  })
  afterEach(async () => live.drop())

  it('leaves the entities out: two entities of one table do not stop it', async () => {
    withPreMigrationNote(project)
    const run = await runCliInProcess(project.dir, ['check', '--drift'], env)
    expect(run.stdout).toContain('OK: the live database has the schema its applied migrations build.')
    expect(run.code).toBe(0)
  })

  it('reports a column added by hand as drift (exit 4)', async () => {
    expect((await runCliInProcess(project.dir, ['check', '--drift'], env)).code).toBe(0)
    await live.query('ALTER TABLE "note" ADD COLUMN "extra" integer')
    const run = await runCliInProcess(project.dir, ['check', '--drift', '--format', 'json'], env)
    expect(JSON.parse(run.stdout).up).toEqual(['ALTER TABLE "note" ADD COLUMN "extra" integer'])
    expect(JSON.parse(run.stdout).problems).toEqual([expect.objectContaining({ code: 'DRIFT' })])
    expect(run.code).toBe(4)
    const github = await runCliInProcess(project.dir, ['check', '--drift', '--format', 'github'], env)
    expect(github.stdout).toMatch(/^::error title=DRIFT::.*"extra"/m)
    expect(github.stdout).not.toContain('Migration missing')
    expect(github.code).toBe(4)
  })

  it('a view the migrations made, over a table changed by hand, is not drift of its own', async () => {
    // The plan rebuilds "note", so it drops and re-creates the view reading it, as it was: only the column is drift.
    project.write('migrations/1700000000001-NoteView.ts', handMigration('NoteView1700000000001',
      ['CREATE VIEW "note_text" AS SELECT "id", "text" FROM "note"'], ['DROP VIEW "note_text"']))
    expect((await runCliInProcess(project.dir, ['upgrade'], env)).code).toBe(0)
    await live.query('DROP VIEW "note_text"')
    await live.query('CREATE TABLE "note_new" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "text" varchar)')
    await live.query('INSERT INTO "note_new" SELECT * FROM "note"')
    await live.query('DROP TABLE "note"')
    await live.query('ALTER TABLE "note_new" RENAME TO "note"')
    await live.query('CREATE VIEW "note_text" AS SELECT "id", "text" FROM "note"')
    const run = await runCliInProcess(project.dir, ['check', '--drift'], env)
    expect(run.stdout).toContain('DROP VIEW "note_text"')
    expect(run.stderr.split('\n').filter((line) => line.startsWith('drift: '))).toEqual([
      'drift: the live database has column "text": NOT NULL -> NULL on table "note", changed outside the migrations',
    ])
    expect(run.code).toBe(4)
  })

  // safe-client-gateway's seed migration wrote a row that a later migration refuses to find (an enum label it
  // removes); the live database lost that row by hand before the later one ran. The scratch database cannot apply
  // the migrations the live one did, and the line says that it failed there, not on the live database.
  it('an applied migration that fails on the scratch database says so, and that the live database is not changed (exit 2)', async () => {
    project.write('migrations/1700000000001-Seed.ts', handMigration('Seed1700000000001', [`INSERT INTO "note" ("id", "text") VALUES (1, 'seeded')`], ['DELETE FROM "note" WHERE "id" = 1']))
    expect((await runCliInProcess(project.dir, ['upgrade'], env)).code).toBe(0)
    await live.query('DELETE FROM "note" WHERE "id" = 1')
    project.write('migrations/1700000000002-Reseed.ts', handMigration('Reseed1700000000002', [`INSERT INTO "note" ("id", "text") VALUES (1, 'again')`], ['DELETE FROM "note" WHERE "id" = 1']))
    expect((await runCliInProcess(project.dir, ['upgrade'], env)).code).toBe(0)
    const before = await live.query('SELECT * FROM "note"')
    const run = await runCliInProcess(project.dir, ['check', '--drift'], env)
    expect(run.stderr).toMatch(/^typeorm-autogen: building the migrations on a new database \(a scratch one; the live database is not changed\) failed, so the live database cannot be compared with what they build: migration Reseed1700000000002 failed in up: .*UNIQUE constraint failed: note\.id.*; a new environment's first upgrade would fail there too: make that migration run on a new database\n$/)
    expect(run.code).toBe(2)
    expect(await live.query('SELECT * FROM "note"')).toEqual(before)
  })

  it('an applied migration the folder lacks is one line saying what to do (exit 2)', async () => {
    project.write('migrations/1700000000001-Later.ts', later)
    expect((await runCliInProcess(project.dir, ['upgrade'], env)).code).toBe(0)
    project.remove()
    project = scratchProject()
    project.write('migrations/1700000000000-Init.ts', init('sqlite'))
    const run = await runCliInProcess(project.dir, ['check', '--drift'], env)
    expect(run.stderr).toBe('typeorm-autogen: the live database applied Later1700000000001, which the migrations folder lacks, so the schema the migrations build is unknown: switch branch or pull to get it, then check --drift again\n')
    expect(run.code).toBe(2)
  })
})

it('an unreachable server is the connection error line (exit 2), and no scratch database is made', async () => {
  project = scratchProject()
  const target = unusedDatabaseName('unreachable')
  const run = await runCliInProcess(project.dir, ['check', '--drift'], { DATABASE_URL: `postgres://postgres@127.0.0.1:1/${target}` })
  expect(run.stderr).toMatch(/^typeorm-autogen: postgres: cannot connect to 127.0.0.1:1\/\S+ as postgres: connect ECONNREFUSED 127.0.0.1:1; check the DataSource's url or host, port, database and credentials\n$/)
  expect(run.code).toBe(2)
  expect(await scratchDatabasesOf(target)).toEqual([])
})
