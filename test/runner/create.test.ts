import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { readMigrationHeader } from '../../src/runner/migration-header'
import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// create writes an empty migration named and headed as generate names and heads one, for changes written by
// hand, without connecting; bad names and clashes exit 2 and write nothing.

let project: TempProject
const cli = (...args: string[]) => runCliInProcess(project.dir, args)
const files = () => readdirSync(project.file('migrations')).sort()

beforeAll(() => {
  project = tempProject({
    'note.ts': "import { Entity, PrimaryGeneratedColumn } from 'typeorm'\n@Entity('note')\nexport class Note {\n  @PrimaryGeneratedColumn() id: number\n}\n",
    'ormconfig.ts': sqliteConfig({ imports: "import { Note } from './note'", entities: '[Note]', options: "migrations: ['migrations/*.ts']," }),
  })
})
afterAll(() => project?.remove())

it('writes <timestamp>-<Name>.ts with class and name <Name><timestamp> and a header, touching no database', async () => {
  const run = await cli('create', 'BackfillSlugs', '--timestamp', '1700000000000')
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(run.stdout).toBe('Wrote migrations/1700000000000-BackfillSlugs.ts: fill in up() and down(), then run `typeorm-autogen hash` and upgrade.\n')
  const source = readFileSync(project.file('migrations/1700000000000-BackfillSlugs.ts'), 'utf8')
  expect(source.split('\n')[0]).toBe('// BackfillSlugs1700000000000: created by typeorm-autogen, written by hand. Review it before you run it.')
  expect(source).toContain("export class BackfillSlugs1700000000000 implements MigrationInterface {\n    name = 'BackfillSlugs1700000000000';")
  expect(source).toContain('public async up(queryRunner: QueryRunner): Promise<void> {')
  expect(source).toContain('public async down(queryRunner: QueryRunner): Promise<void> {')
  expect(source).toContain('// Changes:\n//   (describe here what up() changes, for `typeorm-autogen history`)\n')
  // Until its author describes the change there, the header summarizes nothing.
  expect(readMigrationHeader(source).changes).toEqual([])
  expect(existsSync(project.file('data/app.sqlite'))).toBe(false)
  expect(files()).toEqual(['1700000000000-BackfillSlugs.ts', 'autogen.sum'])
  expect(readFileSync(project.file('migrations/autogen.sum'), 'utf8')).toMatch(/^h1:\S+\n1700000000000-BackfillSlugs.ts h1:\S+\n$/)
})

it('adds each new migration to autogen.sum, so that check finds the folder intact (only the note table missing)', async () => {
  expect((await cli('create', 'Second', '--timestamp', '1700000000001')).code).toBe(0)
  expect(readFileSync(project.file('migrations/autogen.sum'), 'utf8')).toContain('1700000000001-Second.ts h1:')
  const check = await cli('check', '--from-migrations')
  expect(check.stderr).toBe('A migration is missing: the entities differ from the schema the migrations build. Run `typeorm-autogen generate <Name>`.\n')
  expect(check.code).toBe(1)
})

it('takes the current time without --timestamp', async () => {
  const before = Date.now()
  expect((await cli('create', 'Later')).code).toBe(0)
  const written = files().find((f) => f.endsWith('-Later.ts'))!
  expect(Number(written.slice(0, 13))).toBeGreaterThanOrEqual(before)
})

it.each([
  [['create'], 'create needs a migration name: typeorm-autogen create <Name>, e.g. BackfillSlugs'],
  [['create', 'bad-name'], 'migration name "bad-name" is not a valid class name: use letters, digits and _ (e.g. BadName)'],
  [['create', 'Other', '--timestamp', '17'], '--timestamp 17 is not a 13-digit time in milliseconds: pass one like 1700000000000, or leave it out to use the current time'],
  [['create', 'Other', '--timestamp', '1700000000000'],
    'a migration with timestamp 1700000000000 or class name Other1700000000000 already exists (1700000000000-BackfillSlugs.ts): create never replaces a migration; pick another --timestamp or name'],
])('refuses %j with exit code 2, writing nothing', async (args, message) => {
  const before = files()
  const run = await cli(...args)
  expect(run.stderr).toBe(`typeorm-autogen: ${message}\n`)
  expect(run.code).toBe(2)
  expect(files()).toEqual(before)
})

describe('with migrations the DataSource loads from outside the folder', () => {
  // create does not connect, but the DataSource's migrations count as much as the folder's: TypeORM runs them
  // all in timestamp order, so a new one older than them would run out of order, and one of their timestamp clashes.
  let other: TempProject
  const run = (...args: string[]) => runCliInProcess(other.dir, args)
  const legacy = [
    "import type { MigrationInterface, QueryRunner } from 'typeorm'",
    'export class Legacy1950000000000 implements MigrationInterface {',
    '  public async up(queryRunner: QueryRunner): Promise<void> {}',
    '  public async down(queryRunner: QueryRunner): Promise<void> {}',
    '}',
  ].join('\n')
  beforeAll(() => {
    other = tempProject({
      'note.ts': "import { Entity, PrimaryGeneratedColumn } from 'typeorm'\n@Entity('note')\nexport class Note {\n  @PrimaryGeneratedColumn() id: number\n}\n",
      'legacy/1950000000000-Legacy.ts': legacy,
      'ormconfig.ts': sqliteConfig({
        imports: "import { Note } from './note'",
        entities: '[Note]',
        options: "migrations: ['migrations/*.ts', 'legacy/*.ts'],",
        extra: "export const autogen = { migrationsDir: 'migrations' }",
      }),
    })
  })
  afterAll(() => other?.remove())

  it('refuses a --timestamp older than them, and without one takes the millisecond after the newest', async () => {
    const older = await run('create', 'Older', '--timestamp', '1940000000000')
    expect(older.stderr).toBe('typeorm-autogen: --timestamp 1940000000000 is not newer than every migration (the newest is 1950000000000): pass a later one, or leave it out\n')
    expect(older.code).toBe(2)
    const same = await run('create', 'Same', '--timestamp', '1950000000000')
    expect(same.code).toBe(2)
    expect(existsSync(other.file('migrations'))).toBe(false)
    const next = await run('create', 'Next')
    expect(next.stderr).toBe('')
    expect(next.code).toBe(0)
    expect(readdirSync(other.file('migrations')).sort()).toEqual(['1950000000001-Next.ts', 'autogen.sum'])
    expect(existsSync(other.file('data/app.sqlite'))).toBe(false)
  })
})
