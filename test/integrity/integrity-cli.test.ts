import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { afterDatabaseLine, runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../support/test-database'

// autogen.sum and `check --fail-on` on the built CLI, on a real SQLite file, PostgreSQL and MariaDB database:
// generate writes the sum, check fails (exit 5) on an applied migration edited, a missing sum, a file the sum
// lacks, a conflicted sum and a migration left out of order by two branches, which `rebase` fixes; `hash`
// writes the sum; `--fail-on` fails (exit 6) on the unaccepted hazards of migrations not yet applied.

const noteEntity = (columns: readonly string[]) => `
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar' }) text: string
  ${columns.join('\n  ')}
}
`
const views = "@Column({ type: 'integer', default: 0 }) views: number"
const indexedViews = `@Index('idx_note_views') ${views}`
const pinned = "@Column({ type: 'boolean', default: false }) pinned: boolean"
const legacy = "@Column({ type: 'varchar', nullable: true }) legacy: string | null"

const configFor = (db: TestDatabase) => [
  "import { DataSource } from 'typeorm'",
  "import { Note } from './note'",
  `export default new DataSource({ ...${JSON.stringify(db.options)}, entities: [Note], migrations: ['migrations/*.ts'] })`,
].join('\n')

describe.each([
  ['sqlite', createSqliteDatabase],
  ['postgres', () => createPostgresDatabase('integrity')],
  ['mariadb', () => createMariaDbDatabase('integrity')],
] as const)('on %s', (label, createDatabase) => {
  let db: TestDatabase
  let project: TempProject
  const cli = (...args: string[]) => runCliInProcess(project.dir, args)
  const read = (file: string) => readFileSync(project.file(file), 'utf8')
  const migrations = () => readdirSync(project.file('migrations')).filter((f) => f.endsWith('.ts')).sort()
  const entities = (...columns: string[]) => void project.write('note.ts', noteEntity(columns))

  beforeAll(async () => {
    db = await createDatabase()
    project = tempProject({ 'ormconfig.ts': configFor(db) })
  })
  afterAll(async () => {
    project?.remove()
    await db?.drop()
  })

  describe('autogen.sum', () => {
    const init = 'migrations/1700000000000-Init.ts'

    it('is written by generate, listing its migration and not the snapshot; check passes', async () => {
      entities()
      expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
      const sum = read('migrations/autogen.sum').split('\n')
      expect(sum).toEqual([expect.stringMatching(/^h1:/), expect.stringMatching(/^1700000000000-Init\.ts h1:[A-Za-z0-9+/]{43}=$/), ''])
      expect((await cli('upgrade')).code).toBe(0)
      expect(await cli('check')).toMatchObject({ code: 0, stderr: '' })
    })

    it('generate and create refuse a --timestamp older than a migration, writing nothing; without one, a new migration comes after the newest', async () => {
      const sum = read('migrations/autogen.sum')
      entities(views)
      const generated = await cli('generate', 'Views', '--timestamp', '1699999999999')
      expect(generated.code).toBe(2)
      expect(generated.stderr).toBe('typeorm-autogen: --timestamp 1699999999999 is not newer than every migration (the newest is 1700000000000): pass a later one, or leave it out\n')
      const created = await cli('create', 'Backfill', '--timestamp', '1699999999000')
      expect(created.code).toBe(2)
      expect(created.stderr).toContain('--timestamp 1699999999000 is not newer than every migration (the newest is 1700000000000)')
      expect(migrations()).toEqual(['1700000000000-Init.ts'])
      expect(read('migrations/autogen.sum')).toBe(sum)

      // A teammate's clock ran ahead: the next migration still sorts after theirs.
      expect((await cli('create', 'Ahead', '--timestamp', '4102444800000')).code).toBe(0)
      expect((await cli('create', 'Next')).code).toBe(0)
      expect(migrations()).toEqual(['1700000000000-Init.ts', '4102444800000-Ahead.ts', '4102444800001-Next.ts'])
      for (const file of ['4102444800000-Ahead.ts', '4102444800001-Next.ts']) rmSync(project.file(`migrations/${file}`))
      writeFileSync(project.file('migrations/autogen.sum'), sum)
      entities()
      expect(await cli('check')).toMatchObject({ code: 0, stderr: '' })
    })

    it('check exits 5 on an applied migration edited, saying to restore it; diff does not verify', async () => {
      const original = read(init)
      writeFileSync(project.file(init), original.replace('public async down', '// an afterthought\n    public async down'))
      const check = await cli('check')
      expect(check.code).toBe(5)
      expect(check.stdout).toContain('The database matches the entities, but the checks below fail.')
      expect(check.stderr).toBe(
        `${init}: APPLIED_MIGRATION_EDITED: migration Init1700000000000 differs from autogen.sum and is applied: edited after it ran, restore it (git checkout -- ${init}) ` +
          'and write a new migration for the change; edited before it ran, as the database has it, run `typeorm-autogen hash`\n',
      )
      expect((await cli('diff')).code).toBe(0)
      writeFileSync(project.file(init), original)
      expect((await cli('check')).code).toBe(0)
    })

    it('check exits 5 on a missing sum, asking for hash, which writes the same sum again', async () => {
      const sum = read('migrations/autogen.sum')
      rmSync(project.file('migrations/autogen.sum'))
      const check = await cli('check')
      expect(check.code).toBe(5)
      expect(check.stderr).toBe('migrations/autogen.sum: SUM_MISSING: the migrations folder has 1 migration but no autogen.sum: review them, then run `typeorm-autogen hash` once and commit it\n')
      expect(await cli('hash')).toMatchObject({ code: 0, stdout: 'Wrote migrations/autogen.sum (1 migration)\n', stderr: '' })
      expect(read('migrations/autogen.sum')).toBe(sum)
      expect((await cli('check')).code).toBe(0)
    })

    it('check exits 5 on a migration left out of order by two branches, and rebase puts it on top', async () => {
      // Branch "pinned" adds Pinned at 1700000001500 and its sum; branch main adds Views at 1700000002000,
      // which is applied first.
      const before = read('migrations/autogen.sum')
      entities(pinned)
      expect((await cli('generate', 'Pinned', '--timestamp', '1700000001500')).code).toBe(0)
      const pinnedFile = 'migrations/1700000001500-Pinned.ts'
      const pinnedSource = read(pinnedFile)
      const pinnedSum = read('migrations/autogen.sum')
      rmSync(project.file(pinnedFile))
      writeFileSync(project.file('migrations/autogen.sum'), before)
      entities(views)
      expect((await cli('generate', 'Views', '--timestamp', '1700000002000')).code).toBe(0)
      expect((await cli('upgrade')).code).toBe(0)
      const mainSum = read('migrations/autogen.sum')

      // git merges the files and leaves the sum conflicted.
      entities(views, pinned)
      writeFileSync(project.file(pinnedFile), pinnedSource)
      writeFileSync(project.file('migrations/autogen.sum'), `<<<<<<< HEAD\n${mainSum}=======\n${pinnedSum}>>>>>>> pinned\n`)
      const conflicted = await cli('check')
      expect(conflicted.code).toBe(5)
      // Both branches changed table note: regenerating is said first, rebase where Pinned keeps to its own column (as here).
      const note = label === 'postgres' ? '"public"."note"' : '"note"'
      const outOfOrder = `${pinnedFile}: MIGRATION_OUT_OF_ORDER: migration Pinned1700000001500 is not applied but older than Views1700000002000, the newest applied one (two branches merged?), ` +
        `so upgrade would run it after a migration it was not written on top of; Views1700000002000 changed table ${note} too, which this one may restate as it was before ` +
        "(a SQLite rebuild, MySQL's MODIFY COLUMN), undoing that: regenerate it on top (downgrade it where it is applied, delete it, then `typeorm-autogen generate <Name>`), " +
        'or, where it keeps to what the other left alone, give it a newer timestamp with `typeorm-autogen rebase Pinned1700000001500`'
      expect(conflicted.stderr).toContain('migrations/autogen.sum: SUM_CONFLICT: git conflict markers: two branches added migrations. After the merge, run `typeorm-autogen hash` to write it anew, then check again')
      expect(conflicted.stderr).toContain(`${outOfOrder}\n`)

      // Keeping main's side of the sum leaves the other branch's file out of it.
      writeFileSync(project.file('migrations/autogen.sum'), mainSum)
      const unlisted = await cli('check')
      expect(unlisted.code).toBe(5)
      expect(unlisted.stderr).toContain(`${pinnedFile}: MIGRATION_NOT_IN_SUM: not in autogen.sum (written by hand or copied in?): review it, then run \`typeorm-autogen hash\`\n`)

      expect((await cli('hash')).stdout).toBe('Wrote migrations/autogen.sum (3 migrations)\n')
      const hashed = await cli('check')
      expect(hashed.code).toBe(5)
      expect(hashed.stderr).toContain(`\n${outOfOrder}\n`)
      expect(hashed.stderr).not.toMatch(/SUM|NOT_IN_SUM/)

      const applied = await cli('rebase', 'Views1700000002000')
      expect(applied.code).toBe(2)
      expect(applied.stderr).toBe('typeorm-autogen: migration Views1700000002000 is applied to the database: rebase only renames a migration applied nowhere yet; write a new migration for a further change\n')
      const older = await cli('rebase', 'Pinned1700000001500', '--timestamp', '1700000001800')
      expect(older.code).toBe(2)
      expect(older.stderr).toContain('--timestamp 1700000001800 is not newer than every migration (the newest is 1700000002000)')

      const rebased = await cli('rebase', 'Pinned1700000001500', '--timestamp', '1700000003000')
      expect(rebased.code).toBe(0)
      expect(rebased.stdout).toContain('Renamed Pinned1700000001500 to Pinned1700000003000: migrations/1700000001500-Pinned.ts is now migrations/1700000003000-Pinned.ts\n')
      expect(migrations()).toEqual(['1700000000000-Init.ts', '1700000002000-Views.ts', '1700000003000-Pinned.ts'])
      const moved = read('migrations/1700000003000-Pinned.ts')
      expect(moved).toBe(pinnedSource.replaceAll('Pinned1700000001500', 'Pinned1700000003000'))
      expect(moved).toContain("export class Pinned1700000003000 implements MigrationInterface {\n    name = 'Pinned1700000003000';")

      const pending = await cli('check')
      expect(pending.code).toBe(1)
      expect(pending.stderr).not.toContain('MIGRATION_')
      expect((await cli('upgrade')).stdout).toContain('Applied Pinned1700000003000')
      expect(await cli('check')).toMatchObject({ code: 0, stderr: '' })

      // A migration left behind that upgrade runs all the same, as TypeORM's runner does: it says so first.
      writeFileSync(project.file('migrations/1700000000500-Late.ts'), [
        "import { MigrationInterface, QueryRunner } from 'typeorm'",
        'export class Late1700000000500 implements MigrationInterface {',
        '  async up(queryRunner: QueryRunner): Promise<void> {}',
        '  async down(queryRunner: QueryRunner): Promise<void> {}',
        '}',
      ].join('\n'))
      const runOutOfOrder = 'warning: RUN_OUT_OF_ORDER: Late1700000000500 is run after Pinned1700000003000, the newest applied migration, though no newer (two branches merged?): ' +
        'it was not written on top of it, so run `typeorm-autogen check` to see whether the database now matches the entities\n'
      if (label !== 'mariadb') { // whose transactions cannot hold a dry run
        const rehearsal = await cli('upgrade', '--dry-run')
        expect(rehearsal.code).toBe(0)
        expect(rehearsal.stderr).toBe(runOutOfOrder)
        expect(rehearsal.stdout).toContain('Would apply Late1700000000500 (it ran, and was rolled back)\n')
      }
      const late = await cli('upgrade')
      expect(late.code).toBe(0)
      expect(late.stdout).toContain('Applied Late1700000000500')
      expect(late.stderr).toContain(runOutOfOrder)
    })
  })

  describe('check --fail-on', () => {
    const tidy = 'migrations/1700000011000-Tidy.ts'
    const migrationsTable = (sql: string) => db.query(sql)

    beforeAll(async () => {
      rmSync(project.file('migrations'), { recursive: true })
      await migrationsTable('DROP TABLE note')
      await migrationsTable('DELETE FROM migrations')
      entities(indexedViews, legacy)
      expect((await cli('generate', 'Start', '--timestamp', '1700000010000')).code).toBe(0)
      expect((await cli('upgrade')).code).toBe(0)
      entities(views)
      expect((await cli('generate', 'Tidy', '--timestamp', '1700000011000')).code).toBe(0)
    })

    const lineOf = (code: string) => read(tidy).split('\n').findIndex((line) => line.includes(`// hazard ${code} `)) + 1
    const dropColumn = () => `${tidy}:${lineOf('DROP_COLUMN')}: DROP_COLUMN (danger): Deletes every value in `
    const acceptHint = 'Review each; accept one by changing "// hazard" to "// accepted" on its line in the migration file.\n'

    it('prints the pending migration\'s unaccepted hazards beside the missing changes, which decide the exit code (1)', async () => {
      const check = await cli('check', '--fail-on', 'danger')
      expect(check.code).toBe(1)
      expect(check.stderr).toContain(dropColumn())
      expect(check.stderr).toContain(acceptHint)
      expect(check.stderr).not.toContain('DROP_INDEX (warning)')
    })

    it('exits 6 on a database that has the changes but not the migration recorded, and 0 once accepted', async () => {
      // As a database kept in step by hand or by TypeORM's synchronize: the schema matches, the migration is pending.
      expect((await cli('upgrade')).code).toBe(0)
      await migrationsTable("DELETE FROM migrations WHERE name = 'Tidy1700000011000'")
      expect((await cli('check')).code).toBe(0)

      const danger = await cli('check', '--fail-on', 'danger')
      expect(danger.code).toBe(6)
      expect(danger.stderr).toMatch(new RegExp(`^${escape(dropColumn())}"(public"\\.")?note"\\."legacy"; [^\\n]+\\n${escape(acceptHint)}$`, 'm'))
      expect(danger.stderr).not.toContain('DROP_INDEX')
      const warning = await cli('check', '--fail-on', 'warning')
      expect(warning.code).toBe(6)
      expect(warning.stderr).toContain(`${tidy}:${lineOf('DROP_INDEX')}: DROP_INDEX (warning): `)
      expect(warning.stderr).toContain(dropColumn())

      const source = read(tidy)
      writeFileSync(project.file(tidy), source.replace('// hazard DROP_COLUMN', '// accepted DROP_COLUMN'))
      expect(await cli('check', '--fail-on', 'danger')).toMatchObject({ code: 0 })
      expect((await cli('check', '--fail-on', 'warning')).code).toBe(6)
      writeFileSync(project.file(tidy), source.replace(/\/\/ hazard /g, '// accepted '))
      expect((await cli('check', '--fail-on', 'warning')).code).toBe(0)
      writeFileSync(project.file(tidy), source)
    })

    it('with --from-migrations counts the hazards of every migration of the folder (none is applied there)', async () => {
      const run = await cli('check', '--from-migrations', '--fail-on', 'danger')
      expect(run.code).toBe(6)
      expect(run.stderr).toContain(dropColumn())
      const source = read(tidy)
      writeFileSync(project.file(tidy), source.replace('// hazard DROP_COLUMN', '// accepted DROP_COLUMN'))
      expect(await cli('check', '--from-migrations', '--fail-on', 'danger')).toMatchObject({ code: 0, stderr: '' })
      writeFileSync(project.file(tidy), source)
    })

    it('leaves the hazards of applied migrations out', async () => {
      await migrationsTable(`INSERT INTO migrations ("timestamp", name) VALUES (1700000011000, 'Tidy1700000011000')`)
      expect(await cli('check', '--fail-on', 'warning')).toMatchObject({ code: 0, stderr: '' })
    })

    it('rejects another severity', async () => {
      const run = await cli('check', '--fail-on', 'info')
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('--fail-on info is not one of warning, danger')
    })
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('bad input', () => {
  let db: TestDatabase
  let project: TempProject
  const cli = (...args: string[]) => runCliInProcess(project.dir, args)
  const files = () => readdirSync(project.file('migrations')).sort()

  beforeAll(async () => {
    db = await createSqliteDatabase()
    project = tempProject({ 'ormconfig.ts': configFor(db), 'note.ts': noteEntity([]) })
  })
  afterAll(async () => {
    project?.remove()
    await db?.drop()
  })

  it('hash refuses a missing migrations folder, writing nothing', async () => {
    const run = await cli('hash')
    expect(run).toMatchObject({ code: 2, stdout: '' })
    expect(run.stderr).toBe('typeorm-autogen: the migrations folder migrations is empty or missing: nothing to hash (generate writes autogen.sum with the first migration)\n')
    expect(readdirSync(project.dir)).not.toContain('migrations')
  })

  it('generate refuses a conflicted sum, writing no file', async () => {
    expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
    expect((await cli('upgrade')).code).toBe(0)
    const sum = readFileSync(project.file('migrations/autogen.sum'), 'utf8')
    writeFileSync(project.file('migrations/autogen.sum'), `<<<<<<< HEAD\n${sum}=======\n>>>>>>> other\n`)
    const before = files()
    project.write('note.ts', noteEntity([views]))
    const run = await cli('generate', 'Views', '--timestamp', '1700000001000')
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`typeorm-autogen: ${project.file('migrations/autogen.sum')} has git conflict markers: run \`typeorm-autogen hash\` to write it anew (then \`typeorm-autogen check\`), and run this command again\n`)
    expect(files()).toEqual(before)
    writeFileSync(project.file('migrations/autogen.sum'), sum)
  })

  it('rebase refuses a migration the folder does not have; without --timestamp it takes the current time', async () => {
    const unknown = await cli('rebase', 'Nothing1700000000500')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe('typeorm-autogen: no migration matches "Nothing1700000000500": name one of Init1700000000000 (its name, its timestamp, or a unique prefix of either)\n')

    const started = Date.now()
    expect((await cli('generate', 'Views', '--timestamp', '1700000001000')).code).toBe(0)
    const run = await cli('rebase', '1700000001000-Views.ts')
    expect(run.code).toBe(0)
    const [, moved] = files().filter((f) => f.endsWith('.ts'))
    expect(Number(moved!.slice(0, 13))).toBeGreaterThanOrEqual(started)
    expect(await cli('check')).toMatchObject({ code: 1, stderr: expect.stringContaining('1 migration is pending') })
  })
})

it('generate in a folder of hand-written migrations without a sum writes none, and check asks for one hash', async () => {
  const db = await createSqliteDatabase()
  const project = tempProject({ 'ormconfig.ts': configFor(db), 'note.ts': noteEntity([]) })
  try {
    const cli = (...args: string[]) => runCliInProcess(project.dir, args)
    project.write('migrations/1600000000000-ByHand.ts', [
      "import type { MigrationInterface, QueryRunner } from 'typeorm'",
      'export class ByHand1600000000000 implements MigrationInterface {',
      '  async up(q: QueryRunner): Promise<void> { await q.query(\'CREATE TABLE "kept" ("id" integer PRIMARY KEY)\') }',
      '  async down(q: QueryRunner): Promise<void> { await q.query(\'DROP TABLE "kept"\') }',
      '}',
    ].join('\n'))
    expect((await cli('upgrade')).code).toBe(0)
    expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
    expect(readdirSync(project.file('migrations')).sort()).toEqual(['1600000000000-ByHand.ts', '1700000000000-Init.ts', 'entities.snapshot.json'])
    expect((await cli('upgrade')).code).toBe(0)
    expect(await cli('check')).toMatchObject({ code: 5, stderr: expect.stringContaining('SUM_MISSING: the migrations folder has 2 migrations but no autogen.sum') })
    expect((await cli('hash')).stdout).toBe('Wrote migrations/autogen.sum (2 migrations)\n')
    expect(await cli('check')).toMatchObject({ code: 0, stderr: '' })
  } finally {
    project.remove()
    await db.drop()
  }
})

it('check leaves alone a folder generate cannot write to (build output): it never gets a sum', async () => {
  const db = await createSqliteDatabase()
  const project = tempProject({
    'note.ts': noteEntity([]),
    'ormconfig.ts': configFor(db).replace("migrations: ['migrations/*.ts']", "migrations: ['dist/migrations/*.js']"),
    'dist/migrations/1700000000000-Init.js': [
      '"use strict";',
      'Object.defineProperty(exports, "__esModule", { value: true });',
      'class Init1700000000000 {',
      '  async up(q) { await q.query(\'CREATE TABLE "note" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "text" varchar NOT NULL)\') }',
      '  async down(q) { await q.query(\'DROP TABLE "note"\') }',
      '}',
      'exports.Init1700000000000 = Init1700000000000;',
    ].join('\n'),
  })
  try {
    const cli = (...args: string[]) => runCliInProcess(project.dir, args)
    expect((await cli('upgrade')).stdout).toContain('Applied Init1700000000000')
    expect(await cli('check')).toMatchObject({ code: 0, stderr: '' })
  } finally {
    project.remove()
    await db.drop()
  }
})

it('rebase names the file of a migration whose file name holds no timestamp, which keeps its name', async () => {
  const db = await createSqliteDatabase()
  const project = tempProject({ 'ormconfig.ts': configFor(db), 'note.ts': noteEntity([]) })
  try {
    project.write('migrations/seed.ts', [
      "import type { MigrationInterface, QueryRunner } from 'typeorm'",
      'export class SeedData1700000004000 implements MigrationInterface {',
      "  name = 'SeedData1700000004000'",
      '  async up(q: QueryRunner): Promise<void> {}',
      '  async down(q: QueryRunner): Promise<void> {}',
      '}',
    ].join('\n'))
    const run = await runCliInProcess(project.dir, ['rebase', 'SeedData1700000004000', '--timestamp', '1700000005000'])
    expect(afterDatabaseLine(run.stdout)).toBe('Renamed SeedData1700000004000 to SeedData1700000005000 in migrations/seed.ts\n')
    expect(run.code).toBe(0)
  } finally {
    project.remove()
    await db.drop()
  }
})

it('a DataSource loading migrations/**/*.ts: the migrations moved into subfolders are in autogen.sum, check and status (PostgreSQL)', async () => {
  const db = await createPostgresDatabase('subfolders')
  const project = tempProject({
    'ormconfig.ts': configFor(db).replace("migrations: ['migrations/*.ts']", "migrations: ['migrations/**/*.ts']"),
    'note.ts': noteEntity([legacy]),
  })
  const moveInto = (subfolder: string, fileName: string) => {
    project.write(`migrations/${subfolder}/${fileName}`, readFileSync(project.file(`migrations/${fileName}`), 'utf8'))
    rmSync(project.file(`migrations/${fileName}`))
  }
  try {
    const cli = (...args: string[]) => runCliInProcess(project.dir, args)
    expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
    moveInto('v1', '1700000000000-Init.ts')
    expect((await cli('hash')).stdout).toBe('Wrote migrations/autogen.sum (1 migration)\n')
    expect(readFileSync(project.file('migrations/autogen.sum'), 'utf8')).toMatch(/^v1\/1700000000000-Init\.ts h1:/m)
    expect((await cli('upgrade')).code).toBe(0)
    expect(await cli('check')).toMatchObject({ code: 0, stderr: '' })

    const init = project.file('migrations/v1/1700000000000-Init.ts')
    const applied = readFileSync(init, 'utf8')
    writeFileSync(init, applied.replace('PRIMARY KEY', 'PRIMARY KEY '))
    expect(await cli('check')).toMatchObject({ code: 5, stderr: expect.stringContaining('migrations/v1/1700000000000-Init.ts: APPLIED_MIGRATION_EDITED') })
    writeFileSync(init, applied)

    project.write('note.ts', noteEntity([]))
    expect((await cli('generate', 'DropLegacy', '--timestamp', '1700000001000')).code).toBe(0)
    moveInto('v2', '1700000001000-DropLegacy.ts')
    expect((await cli('hash')).stdout).toBe('Wrote migrations/autogen.sum (2 migrations)\n')
    expect((await cli('status')).stderr).toContain('warning: DropLegacy1700000001000 line')
    expect((await cli('check', '--fail-on', 'danger')).stderr).toContain('migrations/v2/1700000001000-DropLegacy.ts:')
  } finally {
    project.remove()
    await db.drop()
  }
})

it('upgrade warns of a migration edited since generate wrote it, which check then cannot tell from one edited after it ran; hash records it', async () => {
  const db = await createSqliteDatabase()
  const project = tempProject({ 'ormconfig.ts': configFor(db), 'note.ts': noteEntity([]) })
  const cli = (...args: string[]) => runCliInProcess(project.dir, args)
  try {
    expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
    const init = 'migrations/1700000000000-Init.ts'
    // The reviewer's edit, before it runs (an UPDATE before a NOT NULL, say).
    writeFileSync(project.file(init), readFileSync(project.file(init), 'utf8').replace('public async down', '// reviewed: rows filled first\n    public async down'))
    const upgrade = await cli('upgrade')
    expect(upgrade.code).toBe(0)
    expect(upgrade.stderr).toContain(`warning: RUN_UNRECORDED_EDIT: ${init} differs from autogen.sum (edited since it was written), and runs as it is now: ` +
      'once it is reviewed, run `typeorm-autogen hash` to record the edit, or `check` reports it as edited after it was applied')
    expect(await cli('check')).toMatchObject({ code: 5, stderr: expect.stringContaining('edited before it ran, as the database has it, run `typeorm-autogen hash`') })
    expect((await cli('hash')).code).toBe(0)
    expect(await cli('check')).toMatchObject({ code: 0, stderr: '' })
    expect((await cli('upgrade')).stderr).not.toContain('RUN_UNRECORDED_EDIT')
  } finally {
    project.remove()
    await db.drop()
  }
})
