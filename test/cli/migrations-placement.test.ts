import { existsSync, readdirSync } from 'node:fs'
import Database from 'better-sqlite3'
import { runCliInProcess, afterDatabaseLine } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// generate writes where upgrade reads, in a form it loads, or stops with one line naming
// autogen.migrationsDir: DataSource migrations as a dist/*.js glob, as classes, as several globs, or as a
// glob outside ./migrations. A second generate before upgrade never writes the same migration again.

const note = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column() text: string
}
`
// A hand-written migration creating `note`, listed in the DataSource as a class.
const initClass = `
import type { MigrationInterface, QueryRunner } from 'typeorm'
export class Init1700000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE "note" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL)')
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "note"')
  }
}
`

let project: TempProject
afterEach(() => project.remove())

function projectWith(migrations: string, extra = '', imports = ''): void {
  project = tempProject({ 'src/note.ts': note })
  if (imports !== '') project.write('src/migrations/1700000000000-Init.ts', initClass)
  const config = sqliteConfig({ imports: `import { Note } from './src/note'\n${imports}`, entities: '[Note]', options: `migrations: ${migrations},`, extra })
  project.write('ormconfig.ts', config)
}

const migrationLines = (status: string) => status.split('\n').filter((line) => line.startsWith('['))
const filesIn = (folder: string) => (existsSync(project.file(folder)) ? readdirSync(project.file(folder)).sort() : [])
const cli = (...args: string[]) => runCliInProcess(project.dir, args)

function expectRefused(run: Awaited<ReturnType<typeof cli>>, pattern: RegExp): void {
  expect(run.code).toBe(2)
  const lines = run.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^typeorm-autogen: .*autogen\.migrationsDir/)
  expect(lines[0]).toMatch(pattern)
}

describe('a dist/*.js glob', () => {
  it('is refused: the written .ts would sit in build output where nothing runs it', async () => {
    projectWith("['dist/migrations/*.js']")
    expectRefused(await cli('generate', 'AddNote'), /dist\/migrations\/\*\.js, which is build output: set autogen\.migrationsDir to the source folder/)
    expect(filesIn('dist/migrations')).toEqual([])
    expect(filesIn('migrations')).toEqual([])
    expect(existsSync(project.file('data/app.sqlite'))).toBe(false)
  })

  // NestJS's `dist/migrations/*{.ts,.js}`: the glob would load a .ts written there, but the build empties its outDir.
  it("is refused when it loads .ts files too, inside the tsconfig's outDir", async () => {
    projectWith("['dist/migrations/*{.ts,.js}']")
    project.write('tsconfig.json', JSON.stringify({ compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true, outDir: './dist' } }))
    expectRefused(await cli('generate', 'AddNote'), /dist\/migrations\/\*\{\.ts,\.js\}, which is build output: set autogen\.migrationsDir to the source folder/)
    expect(filesIn('dist/migrations')).toEqual([])
  })

  it('loads .ts files from a folder of the sources when the outDir is the project itself', async () => {
    projectWith("['dist/migrations/*{.ts,.js}']")
    project.write('tsconfig.json', JSON.stringify({ compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true, outDir: '.' } }))
    const run = await cli('generate', 'AddNote', '--timestamp', '1700000001000')
    expect(run.stderr).toBe('')
    expect(filesIn('dist/migrations')).toContain('1700000001000-AddNote.ts')
  })

  it('works with autogen.migrationsDir, and a second generate before upgrade is refused', async () => {
    projectWith("['dist/migrations/*.js']", "export const autogen = { migrationsDir: 'src/migrations' }")
    const first = await cli('generate', 'AddNote', '--timestamp', '1700000001000')
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(filesIn('src/migrations')).toEqual(['1700000001000-AddNote.ts', 'autogen.sum', 'entities.snapshot.json'])
    expect(filesIn('dist/migrations')).toEqual([])

    const again = await cli('generate', 'AddNoteAgain', '--timestamp', '1700000002000')
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/AddNote1700000001000\): run `typeorm-autogen upgrade` first/)
    expect(filesIn('src/migrations')).not.toContain('1700000002000-AddNoteAgain.ts')

    expect((await cli('upgrade')).stdout).toContain('Applied AddNote1700000001000')
    expect((await cli('generate', 'Nothing')).stdout).toContain('No changes')
  })

  it("runs the folder's copy of a migration whose build output the glob loads too, once", () =>
    expectStaleBuildLeftOut("['dist/migrations/*.js']", 'src/migrations', 'dist/migrations'))
})

describe('a .js glob in the folder itself', () => {
  // Built in place (tsc without outDir): a .js beside its .ts.
  it('runs the TypeScript copy of a migration built beside it, once', () => expectStaleBuildLeftOut("['migrations/*.js']", 'migrations', 'migrations'))
})

/** expectStaleBuildLeftOut writes a stale build of a generated migration, which would make another table, where the glob loads it. */
async function expectStaleBuildLeftOut(glob: string, migrationsDir: string, buildDir: string): Promise<void> {
  projectWith(glob, `export const autogen = { migrationsDir: '${migrationsDir}' }`)
  expect((await cli('generate', 'AddNote', '--timestamp', '1700000001000')).code).toBe(0)
  project.write(`${buildDir}/1700000001000-AddNote.js`, [
    '"use strict";',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    'class AddNote1700000001000 { async up(q) { await q.query(\'CREATE TABLE "built" ("id" integer)\') } async down() {} }',
    'exports.AddNote1700000001000 = AddNote1700000001000;',
  ].join('\n'))
  expect(migrationLines((await cli('status')).stdout)).toEqual(['[pending] AddNote1700000001000'])
  // status read the missing file as empty, so upgrade creates it.
  expect(afterDatabaseLine((await cli('upgrade')).stdout)).toMatch(/^creating new SQLite database .*\nApplied AddNote1700000001000 \(/)
  expect((await cli('check')).code).toBe(0)
  expect((await cli('check', '--from-migrations')).code).toBe(0)
  const db = new Database(project.file('data/app.sqlite'), { readonly: true })
  expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('note', 'built')`).all()).toEqual([{ name: 'note' }])
  db.close()
}

describe('migrations listed as classes', () => {
  const imports = "import { Init1700000000000 } from './src/migrations/1700000000000-Init'"

  /** A project whose DataSource lists the classes `migrations` names, with autogen.migrationsDir `src/migrations`. */
  function projectListingClasses(files: Record<string, string>, imports: string, migrations: string): void {
    project = tempProject({ 'src/note.ts': note, ...files })
    const extra = "export const autogen = { migrationsDir: 'src/migrations' }"
    project.write('ormconfig.ts', sqliteConfig({ imports: `import { Note } from './src/note'\n${imports}`, entities: '[Note]', options: `migrations: ${migrations},`, extra }))
  }

  it('are refused without autogen.migrationsDir', async () => {
    projectWith('[Init1700000000000]', '', imports)
    expectRefused(await cli('generate', 'AddText'), /lists its migrations as classes/)
    expect(filesIn('src/migrations')).toEqual(['1700000000000-Init.ts'])
    expect(filesIn('migrations')).toEqual([])
  })

  it('work with autogen.migrationsDir, and a second generate before upgrade is refused', async () => {
    projectWith('[Init1700000000000]', "export const autogen = { migrationsDir: 'src/migrations' }", imports)
    // The hand-written migration is recorded in autogen.sum once, as a project adopting the tool does.
    expect((await cli('hash')).stdout).toBe('Wrote src/migrations/autogen.sum (1 migration)\n')
    expect((await cli('upgrade')).stdout).toContain('Applied Init1700000000000')
    const first = await cli('generate', 'AddText', '--timestamp', '1700000001000')
    // TypeORM's CLI and the application run what the DataSource lists: a reminder names the class to add.
    expect(first.stderr).toBe('note: the DataSource lists its migrations as classes: add AddText1700000001000 (src/migrations/1700000001000-AddText.ts) ' +
      "to them, or TypeORM's CLI and the application's migrationsRun will not run it (upgrade here does)\n")
    expect(first.code).toBe(0)
    expect(filesIn('src/migrations')).toContain('1700000001000-AddText.ts')

    const again = await cli('generate', 'AddTextAgain', '--timestamp', '1700000002000')
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/AddText1700000001000\): run `typeorm-autogen upgrade` first/)
    expect(filesIn('src/migrations')).not.toContain('1700000002000-AddTextAgain.ts')

    expect((await cli('upgrade')).stdout).toContain('Applied AddText1700000001000')
    expect((await cli('check')).code).toBe(0)
  })
  it('kept in another folder than autogen.migrationsDir are still run by upgrade, with the generated ones', async () => {
    projectListingClasses({ 'src/db/1700000000000-Init.ts': initClass }, "import { Init1700000000000 } from './src/db/1700000000000-Init'", '[Init1700000000000]')
    expect(afterDatabaseLine((await cli('status')).stdout)).toContain('[pending] Init1700000000000')
    expect((await cli('upgrade')).stdout).toContain('Applied Init1700000000000')
    expect((await cli('generate', 'AddText', '--timestamp', '1700000001000')).code).toBe(0)
    expect((await cli('upgrade')).stdout).toContain('Applied AddText1700000001000')
    expect((await cli('check')).code).toBe(0)
    const status = afterDatabaseLine((await cli('status')).stdout)
    expect(status).toContain('[applied] Init1700000000000')
    expect(status).toContain('[applied] AddText1700000001000')
  })

  // OneUptime's migrations: files that export helpers beside their class (a function that reads its argument
  // throws when TypeORM constructs it as a migration), and an index exporting the list the DataSource takes.
  it('in files that export helpers beside the class, and an index of them, are run with autogen.migrationsDir', async () => {
    const helper = 'export function tableOf(reference: { table: string }): string {\n  return reference.table\n}\n'
    const index = "import { Init1700000000000 } from './1700000000000-Init'\nexport default [Init1700000000000]\n"
    projectListingClasses({ 'src/migrations/1700000000000-Init.ts': initClass + helper, 'src/migrations/Index.ts': index }, "import migrations from './src/migrations/Index'", 'migrations')
    expect((await cli('hash')).stdout).toBe('Wrote src/migrations/autogen.sum (1 migration)\n')
    const status = await cli('status')
    expect(status.stderr).toBe('')
    expect(migrationLines(status.stdout)).toEqual(['[pending] Init1700000000000'])
    expect((await cli('upgrade')).stdout).toContain('Applied Init1700000000000')
    expect((await cli('generate', 'AddText', '--timestamp', '1700000001000')).code).toBe(0)
    const upgrade = await cli('upgrade')
    expect(upgrade.code).toBe(0)
    expect(upgrade.stdout).toContain('Applied AddText1700000001000')
    // Once applied, the database is compared with the entities, the DataSource's migrations read again.
    expect(upgrade.stderr).not.toMatch(/SCHEMA_DIFFERS/)
    expect((await cli('check')).code).toBe(0)
    expect((await cli('downgrade')).stdout).toContain('Reverted AddText1700000001000')
    expect(migrationLines((await cli('status')).stdout)).toEqual(['[applied] Init1700000000000', '[pending] AddText1700000001000'])
  })
})

describe('several globs', () => {
  it('write into the one that loads a new .ts file, and upgrade runs it', async () => {
    projectWith("['dist/migrations/*.js', 'src/migrations/*.ts']")
    expect((await cli('generate', 'AddNote', '--timestamp', '1700000001000')).code).toBe(0)
    expect(filesIn('src/migrations')).toContain('1700000001000-AddNote.ts')
    expect(filesIn('dist/migrations')).toEqual([])
    expect((await cli('generate', 'Again')).stderr).toMatch(/run `typeorm-autogen upgrade` first/)
    expect((await cli('upgrade')).stdout).toContain('Applied AddNote1700000001000')
    expect((await cli('check')).code).toBe(0)
  })

  it('that could each load it take autogen.migrationsDir: upgrade and status run every glob and the folder', async () => {
    projectWith("['src/migrations/*.ts', 'db/migrations/*.ts']", "export const autogen = { migrationsDir: 'src/migrations' }")
    project.write('db/migrations/1700000000000-Init.ts', initClass)
    expect(migrationLines((await cli('status')).stdout)).toEqual(['[pending] Init1700000000000'])
    expect((await cli('generate', 'AddText')).stderr).toMatch(/\(Init1700000000000\): run `typeorm-autogen upgrade` first/)
    expect((await cli('upgrade')).stdout).toContain('Applied Init1700000000000')
    expect((await cli('generate', 'AddText', '--timestamp', '1700000001000')).code).toBe(0)
    expect(filesIn('src/migrations')).toContain('1700000001000-AddText.ts')
    expect((await cli('upgrade')).stdout).toContain('Applied AddText1700000001000')
    expect((await cli('check')).code).toBe(0)
    expect(migrationLines((await cli('status')).stdout)).toEqual(['[applied] Init1700000000000', '[applied] AddText1700000001000'])
  })

  it('that could each load it are refused', async () => {
    projectWith("['src/migrations/*.ts', 'db/migrations/*.{ts,js}']")
    expectRefused(await cli('generate', 'AddNote'), /src\/migrations\/\*\.ts, db\/migrations\/\*\.\{ts,js\}, and a new migration could go to any of them/)
    expect(filesIn('db/migrations')).toEqual([])
    expect(filesIn('src/migrations')).toEqual([])
  })
})

it('a glob outside ./migrations gets the file, and upgrade runs it', async () => {
  projectWith("['src/db/migrations/*.ts']")
  expect((await cli('generate', 'AddNote', '--timestamp', '1700000001000')).code).toBe(0)
  expect(filesIn('src/db/migrations')).toEqual(['1700000001000-AddNote.ts', 'autogen.sum', 'entities.snapshot.json'])
  expect((await cli('upgrade')).stdout).toContain('Applied AddNote1700000001000')
  expect(afterDatabaseLine((await cli('status')).stdout).trim()).toBe('[applied] AddNote1700000001000')
  expect((await cli('check')).code).toBe(0)
})
