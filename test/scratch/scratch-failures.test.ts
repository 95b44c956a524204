import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { runCliInProcess } from '../support/run-cli'
import type { TempProject } from '../support/temp-project'
import { adminQuery, handMigration, mariadbAdminQuery, mariadbScratchDatabasesOf, mariadbUrl, postgresUrl, scratchDatabasesOf, scratchProject, unusedDatabaseName } from '../support/scratch-project'

// What check --from-migrations finds wrong with a migrations folder (exit 5), a migration that fails on the
// scratch database (exit 2), a server that refuses to make one (exit 2), and Ctrl-C in the middle: each
// leaves no scratch database behind.

const createNote = 'CREATE TABLE "note" ("id" integer PRIMARY KEY, "text" varchar NOT NULL)'
const sqliteInit = handMigration('Init1700000000000', [createNote.replace('integer PRIMARY KEY', 'integer PRIMARY KEY AUTOINCREMENT')], ['DROP TABLE "note"'])
const postgresInit = handMigration('Init1700000000000', [createNote.replace('"id" integer PRIMARY KEY', '"id" SERIAL NOT NULL, CONSTRAINT "PK_96d0c172a4fba276b1bbed43058" PRIMARY KEY ("id")')], ['DROP TABLE "note"'])

const mariadbInit = handMigration('Init1700000000000', ['CREATE TABLE `note` (`id` int NOT NULL AUTO_INCREMENT, `text` varchar(255) NOT NULL, PRIMARY KEY (`id`))'], ['DROP TABLE `note`'])

let project: TempProject
beforeEach(() => {
  project = scratchProject()
})
afterEach(() => project.remove())

const sqlite = { DATABASE_URL: '' }
/** check adopts the hand-written migrations into autogen.sum (as a user does once), then checks from them. */
const check = async (env: Record<string, string>, ...more: string[]) => {
  expect((await runCliInProcess(project.dir, ['hash'], env)).code).toBe(0)
  return runCliInProcess(project.dir, ['check', '--from-migrations', ...more], env)
}

it('names a migration whose down leaves a table behind (exit 5)', async () => {
  project.write('migrations/1700000000000-Init.ts', sqliteInit.replace('["DROP TABLE \\"note\\""]', '[]'))
  const run = await check(sqlite)
  expect(run.stdout).toContain('The migrations build the schema the entities declare, but the checks below fail.')
  expect(run.stderr).toBe('DOWN_LEFT_BEHIND: after reverting every migration, table note still exists: the down of the migration that creates it must drop it\n')
  expect(run.code).toBe(5)
})

it('names a migration whose down fails, and its statement (exit 5)', async () => {
  project.write('migrations/1700000000000-Init.ts', sqliteInit)
  project.write('migrations/1700000000001-Broken.ts', handMigration('Broken1700000000001', ['SELECT 1'], ['DROP TABLE "no_such_table"']))
  const run = await check(sqlite)
  expect(run.stderr).toMatch(/^migrations\/1700000000001-Broken.ts: DOWN_FAILED: migration Broken1700000000001 failed in down: .*no such table: no_such_table; the failing statement: DROP TABLE "no_such_table": fix its down so that it reverts its up\n$/)
  expect(run.code).toBe(5)
})

it('names a migration file TypeORM would refuse for its class name, and still checks the others (exit 5), in every format', async () => {
  project.write('migrations/1700000000000-Init.ts', sqliteInit)
  project.write('migrations/1700000000001-Seed.ts', handMigration('Seed', ['SELECT 1'], ['SELECT 1']))
  const run = await check(sqlite)
  expect(run.stdout).toContain('The migrations build the schema the entities declare, but the checks below fail.')
  expect(run.stderr).toBe('migrations/1700000000001-Seed.ts:3: MIGRATION_NOT_RUN: migration Seed has no 13-digit timestamp at the end of its class name, so TypeORM refuses to run any migration: name it <Name><timestamp>, e.g. Seed1700000000001\n')
  expect(run.code).toBe(5)
  // The report formats carry the findings: json problems, github annotations, a markdown section.
  const json = await check(sqlite, '--format', 'json')
  expect(JSON.parse(json.stdout).problems).toEqual([expect.objectContaining({ code: 'MIGRATION_NOT_RUN', file: 'migrations/1700000000001-Seed.ts', line: 3 })])
  expect(json.code).toBe(5)
  const github = await check(sqlite, '--format', 'github')
  expect(github.stdout).toMatch(/^::error file=migrations\/1700000000001-Seed.ts,line=3,title=MIGRATION_NOT_RUN::migration Seed has no 13-digit timestamp/m)
  expect(github.code).toBe(5)
  const markdown = await check(sqlite, '--format', 'markdown')
  expect(markdown.stdout).toContain('### Findings (1)\n\n- **MIGRATION_NOT_RUN** (`migrations/1700000000001-Seed.ts:3`): migration Seed has no 13-digit timestamp')
  expect(markdown.code).toBe(5)
})

it('names a file the DataSource\'s migrations glob does not load (exit 5)', async () => {
  project.write('migrations/1700000000000-Init.ts', sqliteInit)
  project.write('migrations/1700000000001-Later.js', 'exports.Later1700000000001 = class Later1700000000001 { async up() {} async down() {} }\n')
  const run = await check(sqlite)
  expect(run.stderr).toBe('migrations/1700000000001-Later.js: MIGRATION_NOT_RUN: migrations/1700000000001-Later.js is not loaded by the DataSource\'s `migrations` option, so it never runs: make the option\'s glob match it, or move it out of the migrations folder\n')
  expect(run.code).toBe(5)
})

it('names a file of the migrations folder that holds no migration class (exit 5)', async () => {
  project.write('migrations/1700000000000-Init.ts', sqliteInit)
  project.write('migrations/1700000000001-Notes.ts', '// to do: a migration for the tags\nexport const planned = true\n')
  const run = await check(sqlite)
  expect(run.stderr).toBe('migrations/1700000000001-Notes.ts: MIGRATION_NOT_RUN: migrations/1700000000001-Notes.ts holds no migration class (`export class <Name><timestamp> implements MigrationInterface`), so it never runs: write one in it, or move it out of the migrations folder\n')
  expect(run.code).toBe(5)
})

it('names two files holding one migration (exit 5)', async () => {
  project.write('migrations/1700000000000-Init.ts', sqliteInit)
  project.write('migrations/1700000000000-Init-copy.ts', sqliteInit)
  const run = await check(sqlite)
  expect(run.stderr).toContain('migrations/1700000000000-Init-copy.ts and migrations/1700000000000-Init.ts both hold migration Init1700000000000, so TypeORM refuses to run any migration: rename one (class name and file) with a newer timestamp')
  expect(run.code).toBe(5)
})

describe('on PostgreSQL', () => {
  const target = unusedDatabaseName('scratchfail')
  const pg = { DATABASE_URL: postgresUrl(target) }
  afterEach(async () => expect(await scratchDatabasesOf(target)).toEqual([]))

  it('a migration failing on the scratch database names it and its statement (exit 2)', async () => {
    project.write('migrations/1700000000000-Init.ts', postgresInit)
    project.write('migrations/1700000000001-Data.ts', handMigration('Data1700000000001', ['INSERT INTO "note" ("text") VALUES (NULL)'], []))
    const run = await check(pg)
    expect(run.stderr).toBe('typeorm-autogen: migration Data1700000000001 failed in up: null value in column "text" of relation "note" violates not-null constraint; the failing statement: INSERT INTO "note" ("text") VALUES (NULL)\n')
    expect(run.code).toBe(2)
  })

  it('a user who may not create databases gets one line naming --shadow-url (exit 2)', async () => {
    const role = unusedDatabaseName('nocreatedb')
    await adminQuery(`CREATE ROLE "${role}" LOGIN NOCREATEDB`)
    try {
      project.write('migrations/1700000000000-Init.ts', postgresInit)
      const run = await check({ DATABASE_URL: postgresUrl(target, role) })
      expect(run.stderr).toBe(`typeorm-autogen: cannot create a scratch database on 127.0.0.1:5432 as ${role}: permission denied to create database; give one with --shadow-url URL\n`)
      expect(run.code).toBe(2)
    } finally {
      await adminQuery(`DROP ROLE "${role}"`)
    }
  })

  it('--shadow-url makes the scratch database on the server it names, named after its database', async () => {
    project.write('migrations/1700000000000-Init.ts', postgresInit)
    const shadow = unusedDatabaseName('shadow')
    const run = await check({ DATABASE_URL: postgresUrl(target, 'nobody_at_all') }, '--shadow-url', postgresUrl(shadow))
    expect(run.stdout).toMatch(new RegExp(`^Database: postgres 127.0.0.1:5432/${shadow}_autogen_[0-9a-f]{8} \\(scratch, built from migrations\\)\nOK: `))
    expect(run.code).toBe(0)
    expect(await scratchDatabasesOf(shadow)).toEqual([])
  })

  it('drops the scratch database on SIGINT in the middle of a migration, and exits 130', async () => {
    project.write('migrations/1700000000000-Init.ts', postgresInit)
    project.write('migrations/1700000000001-Slow.ts', handMigration('Slow1700000000001', ['SELECT pg_sleep(20)'], []))
    const child = spawn(process.execPath, [resolve(__dirname, '../../bin/typeorm-autogen.js'), 'check', '--from-migrations'], {
      cwd: project.dir, env: { ...process.env, ...pg }, stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()))
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
    // Until the slow migration runs in the scratch database.
    while ((await adminQuery(`SELECT 1 FROM pg_stat_activity WHERE datname LIKE $1 AND query LIKE '%pg_sleep%'`, [`${target}\\_autogen\\_%`])).length === 0) {
      await new Promise((wait) => setTimeout(wait, 100))
    }
    expect(await scratchDatabasesOf(target)).toHaveLength(1)
    child.kill('SIGINT')
    expect(await exited).toBe(130)
    expect(stderr).toBe('')
  }, 60_000)

  // The down's statement fails as the scratch database is dropped under it: that is no DOWN_FAILED (found by a workflow test).
  it('reports nothing of a down cut short by SIGINT, and exits 130', async () => {
    project.write('migrations/1700000000000-Init.ts', postgresInit)
    project.write('migrations/1700000000001-Slow.ts', handMigration('Slow1700000000001', ['SELECT 1'], ['SELECT pg_sleep(20)']))
    const run = await interruptedWhile(project, pg, `SELECT 1 FROM pg_stat_activity WHERE datname LIKE $1 AND query LIKE '%pg_sleep%'`, adminQuery, target)
    expect(run).toEqual({ code: 130, stdout: expect.stringMatching(/^Database: .*\n$/), stderr: '' })
  }, 60_000)
})

describe('on MariaDB', () => {
  const target = unusedDatabaseName('scratchfail')
  const mariadb = { DATABASE_URL: mariadbUrl(target) }
  afterEach(async () => expect(await mariadbScratchDatabasesOf(target)).toEqual([]))

  it('a migration failing on the scratch database names it and its statement (exit 2)', async () => {
    project.write('migrations/1700000000000-Init.ts', mariadbInit)
    project.write('migrations/1700000000001-Data.ts', handMigration('Data1700000000001', ['INSERT INTO `note` (`text`) VALUES (NULL)'], []))
    const run = await check(mariadb)
    expect(run.stderr).toBe("typeorm-autogen: migration Data1700000000001 failed in up: Column 'text' cannot be null; the failing statement: INSERT INTO `note` (`text`) VALUES (NULL)\n")
    expect(run.code).toBe(2)
  })

  // A database made by synchronize, adopted with migrations that only change it: none creates its tables.
  it('a folder with no baseline migration says so and points to the README\'s adoption steps, in check --from-migrations and --drift (exit 2)', async () => {
    project.write('migrations/1700000000001-AddFlag.ts', handMigration('AddFlag1700000000001', ['ALTER TABLE `note` ADD `flag` int NULL'], ['ALTER TABLE `note` DROP COLUMN `flag`']))
    const advice = '; the migrations cannot build the schema on an empty database: none before this one creates that table, as where the database was adopted without a baseline migration. ' +
      'Add one, dated before the first migration, that creates the tables the database had then (see "Adopting a database made another way" in the README)\n'
    const fromMigrations = await check(mariadb)
    expect(fromMigrations.stderr).toMatch(/^typeorm-autogen: migration AddFlag1700000000001 failed in up: Table '\w+\.note' doesn't exist; the failing statement: ALTER TABLE `note` ADD `flag` int NULL; /)
    expect(fromMigrations.stderr.endsWith(advice)).toBe(true)
    expect(fromMigrations.code).toBe(2)

    await mariadbAdminQuery(`CREATE DATABASE \`${target}\``)
    try {
      await mariadbAdminQuery(`CREATE TABLE \`${target}\`.\`note\` (\`id\` int NOT NULL AUTO_INCREMENT PRIMARY KEY, \`text\` varchar(255) NOT NULL, \`flag\` int NULL)`)
      expect((await runCliInProcess(project.dir, ['stamp', 'AddFlag1700000000001', '--force'], mariadb)).code).toBe(0)
      const drift = await runCliInProcess(project.dir, ['check', '--drift'], mariadb)
      expect(drift.stderr).toMatch(/^typeorm-autogen: building the migrations on a new database .*: migration AddFlag1700000000001 failed in up: Table '\w+\.note' doesn't exist; the failing statement: ALTER TABLE `note` ADD `flag` int NULL; /)
      expect(drift.stderr.endsWith(advice)).toBe(true)
      expect(drift.code).toBe(2)
    } finally {
      await mariadbAdminQuery(`DROP DATABASE \`${target}\``)
    }
  })

  it('drops the scratch database on SIGINT in the middle of a migration, and exits 130', async () => {
    project.write('migrations/1700000000000-Init.ts', mariadbInit)
    project.write('migrations/1700000000001-Slow.ts', handMigration('Slow1700000000001', ['SELECT SLEEP(20)'], []))
    const child = spawn(process.execPath, [resolve(__dirname, '../../bin/typeorm-autogen.js'), 'check', '--from-migrations'], {
      cwd: project.dir, env: { ...process.env, ...mariadb }, stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()))
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
    // Until the slow migration runs in the scratch database.
    const sleeping = `SELECT 1 FROM information_schema.PROCESSLIST WHERE DB LIKE ? AND INFO LIKE '%SLEEP(20)%'`
    while ((await mariadbAdminQuery(sleeping, [`${target}\\_autogen\\_%`])).length === 0) {
      await new Promise((wait) => setTimeout(wait, 100))
    }
    expect(await mariadbScratchDatabasesOf(target)).toHaveLength(1)
    child.kill('SIGINT')
    expect(await exited).toBe(130)
    expect(stderr).toBe('')
  }, 60_000)

  it('reports nothing of a down cut short by SIGINT, and exits 130', async () => {
    project.write('migrations/1700000000000-Init.ts', mariadbInit)
    project.write('migrations/1700000000001-Slow.ts', handMigration('Slow1700000000001', ['SELECT 1'], ['SELECT SLEEP(20)']))
    const sleeping = `SELECT 1 FROM information_schema.PROCESSLIST WHERE DB LIKE ? AND INFO LIKE '%SLEEP(20)%'`
    const run = await interruptedWhile(project, mariadb, sleeping, mariadbAdminQuery, target)
    expect(run).toEqual({ code: 130, stdout: expect.stringMatching(/^Database: .*\n$/), stderr: '' })
  }, 60_000)
})

/**
 * interruptedWhile runs `check --from-migrations` in a process of its own, sends it SIGINT once `running` (a
 * query of the server's sessions, given the scratch database's name pattern) finds its statement, and returns
 * what it printed and its exit code.
 */
async function interruptedWhile(project: TempProject, env: Record<string, string>, running: string, query: (sql: string, parameters: unknown[]) => Promise<unknown[]>, target: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  expect((await runCliInProcess(project.dir, ['hash'], env)).code).toBe(0)
  const child = spawn(process.execPath, [resolve(__dirname, '../../bin/typeorm-autogen.js'), 'check', '--from-migrations'], {
    cwd: project.dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()))
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)))
  while ((await query(running, [`${target}\\_autogen\\_%`])).length === 0) {
    await new Promise((wait) => setTimeout(wait, 100))
  }
  child.kill('SIGINT')
  const code = await exited
  return { code, stdout, stderr }
}

// EPGStation's SQLite migration AddRawExtended1624085241577: its down renames "recorded" aside, makes it again and
// drops the renamed one; SQLite had moved the other tables' keys onto the renamed table, so they reference a table
// that no longer exists, and every insert into them fails (`no such table: main.temporary_recorded`).
it('names a down that leaves the foreign keys of other tables on a table it dropped (exit 5)', async () => {
  const createAttachment = 'CREATE TABLE "attachment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "noteId" integer, CONSTRAINT "FK_attachment_note" FOREIGN KEY ("noteId") REFERENCES "note" ("id"))'
  project.write('migrations/1700000000000-Init.ts', handMigration('Init1700000000000', [createNote.replace('integer PRIMARY KEY', 'integer PRIMARY KEY AUTOINCREMENT'), createAttachment], ['DROP TABLE "attachment"', 'DROP TABLE "note"']))
  project.write('migrations/1700000000001-Widen.ts', handMigration('Widen1700000000001', ['SELECT 1'], [
    'ALTER TABLE "note" RENAME TO "temporary_note"',
    createNote.replace('integer PRIMARY KEY', 'integer PRIMARY KEY AUTOINCREMENT'),
    'INSERT INTO "note"("id", "text") SELECT "id", "text" FROM "temporary_note"',
    'DROP TABLE "temporary_note"',
  ]))
  const run = await check(sqlite)
  // The entities declare no attachment: the comparison's line comes first.
  expect(run.stderr.split('\n').slice(1).join('\n')).toBe('migrations/1700000000001-Widen.ts: DOWN_BROKE_FOREIGN_KEY: after the down of migration Widen1700000000001, foreign key "FK_attachment_note" of table "attachment" references table "temporary_note", which does not exist, so every write to "attachment" fails: a table renamed aside takes the foreign keys that reference it along; make the down create the new table under a temporary name, copy the rows, drop the old one and rename the new one into place\n')
  expect(run.code).toBe(5)
})

it('finds no broken foreign key where a down drops the table a key was created ahead of', async () => {
  // SQLite lets a table reference one a later migration creates; reverting that one leaves the key as it was made.
  const createAttachment = 'CREATE TABLE "attachment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "noteId" integer, CONSTRAINT "FK_attachment_note" FOREIGN KEY ("noteId") REFERENCES "note" ("id"))'
  project.write('migrations/1700000000000-Init.ts', handMigration('Init1700000000000', [createAttachment], ['DROP TABLE "attachment"']))
  project.write('migrations/1700000000001-Note.ts', handMigration('Note1700000000001', [createNote.replace('integer PRIMARY KEY', 'integer PRIMARY KEY AUTOINCREMENT')], ['DROP TABLE "note"']))
  const run = await check(sqlite)
  expect(run.stderr).not.toContain('DOWN_BROKE_FOREIGN_KEY')
})
