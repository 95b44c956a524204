import { existsSync, readFileSync, rmSync, utimesSync } from 'node:fs'
import { type CliRun, afterDatabaseLine, runBuiltCli, runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import fc from 'fast-check'
import { exampleAppDatabases, exampleAppEdit, exampleAppProject } from '../support/example-app'
import type { TestDatabase } from '../support/test-database'

// A run whose entities, and everything they read, are as the last run found them takes the entities' reading
// from the entity cache: it loads no entity file. Each entity here notes in loads.log that it was loaded.

const dataSource = `
import { DataSource } from 'typeorm'
import * as path from 'node:path'
export default new DataSource({
  type: 'better-sqlite3',
  database: path.join(__dirname, 'data', 'app.sqlite'),
  entities: [path.join(__dirname, 'entities', '*.ts')],
})
`

function entity(table: string, columns: string, before = ''): string {
  return `import { appendFileSync } from 'node:fs'
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
${before}
appendFileSync(__dirname + '/../loads.log', '${table}\\n')
@Entity('${table}')
export class Entity_${table} {
  @PrimaryGeneratedColumn() id: number
${columns}
}
`
}

let project: TempProject
afterEach(() => project.remove())

function app(files: Record<string, string>): TempProject {
  project = tempProject({ 'ormconfig.ts': dataSource, ...files })
  return project
}

const diff = (env: NodeJS.ProcessEnv = {}, format = 'sql') => runCliInProcess(project.dir, ['diff', '--format', format, '-c', 'ormconfig.ts'], env)

/** loads is how many entity files were loaded since the last call. */
function loads(): number {
  const log = project.file('loads.log')
  if (!existsSync(log)) return 0
  const count = readFileSync(log, 'utf8').split('\n').filter(Boolean).length
  rmSync(log)
  return count
}

function sqlOf(run: CliRun): string {
  expect(run.stderr).not.toMatch(/typeorm-autogen:/)
  return afterDatabaseLine(run.stdout)
}

describe('the entity cache', () => {
  it('answers a run in which nothing changed, with the same result, and reads the entities again after an edit', async () => {
    app({ 'entities/thing.ts': entity('thing', '  @Column() name: string') })
    const first = sqlOf(await diff())
    expect(first).toContain('CREATE TABLE "thing"')
    expect(loads()).toBe(1)
    expect(sqlOf(await diff())).toBe(first)
    expect(loads()).toBe(0)

    project.write('entities/thing.ts', entity('thing', '  @Column() name: string\n  @Column() count: number'))
    expect(sqlOf(await diff())).toContain('"count" integer NOT NULL')
    expect(loads()).toBe(1)
    expect(sqlOf(await diff())).toContain('"count" integer NOT NULL')
    expect(loads()).toBe(0)
  })

  it('answers a run after a file was written again with the same text (its times changed, its text did not)', async () => {
    app({ 'entities/thing.ts': entity('thing', '  @Column() name: string') })
    const first = sqlOf(await diff())
    const later = new Date(Date.now() + 60_000)
    utimesSync(project.file('entities/thing.ts'), later, later)
    project.write('ormconfig.ts', dataSource)
    expect(sqlOf(await diff())).toBe(first)
    expect(loads()).toBe(1)
  })

  it('gives back text beyond ASCII as it was read', async () => {
    app({ 'entities/thing.ts': entity('thing', "  @Column({ default: 'prénom ✓ 😀' }) name: string") })
    const first = sqlOf(await diff())
    expect(first).toContain("'prénom ✓ 😀'")
    expect(sqlOf(await diff())).toBe(first)
    expect(loads()).toBe(1)
  })

  it('reads the entities again when a glob matches another file, or one file fewer', async () => {
    app({ 'entities/thing.ts': entity('thing', '  @Column() name: string') })
    await diff()
    expect(loads()).toBe(1)
    project.write('entities/other.ts', entity('other', '  @Column() label: string'))
    expect(sqlOf(await diff())).toContain('CREATE TABLE "other"')
    expect(loads()).toBe(2)
    rmSync(project.file('entities/other.ts'))
    expect(sqlOf(await diff())).not.toContain('CREATE TABLE "other"')
    expect(loads()).toBe(1)
  })

  it('reads the entities again when a variable they read changes, and takes the cache again when it is back', async () => {
    app({ 'entities/thing.ts': entity('thing', "  @Column({ type: 'varchar', length: Number(process.env.NAME_LENGTH ?? 100) }) name: string") })
    expect(sqlOf(await diff({ NAME_LENGTH: '100' }))).toContain('varchar(100)')
    expect(sqlOf(await diff({ NAME_LENGTH: '200' }))).toContain('varchar(200)')
    expect(loads()).toBe(2)
    expect(sqlOf(await diff({ NAME_LENGTH: '200' }))).toContain('varchar(200)')
    expect(loads()).toBe(0)
  })

  it('lets the entities assign a variable that is set, and one that is not, as they do when the app runs', async () => {
    const assigns = "process.env.NAME_LENGTH = process.env.NAME_LENGTH || '50'\nprocess.env.UNSET_BY_TEST = 'x'"
    app({ 'entities/thing.ts': entity('thing', "  @Column({ type: 'varchar', length: Number(process.env.NAME_LENGTH) }) name: string", assigns) })
    expect(sqlOf(await diff({ NAME_LENGTH: '60' }))).toContain('varchar(60)')
    expect(sqlOf(await diff({ NAME_LENGTH: '60' }))).toContain('varchar(60)')
    expect(loads()).toBe(1)
  })

  it('keeps an environment object the config puts in place, and reads the entities again when it changes', async () => {
    app({ 'entities/thing.ts': entity('thing', "  @Column({ type: 'varchar', length: Number(process.env.NAME_LENGTH ?? 100) }) name: string") })
    project.write('ormconfig.ts', `process.env = { ...process.env, NAME_LENGTH: process.env.APP_NAME_LENGTH }\n${dataSource}`)
    expect(sqlOf(await diff({ APP_NAME_LENGTH: '70' }))).toContain('varchar(70)')
    expect(sqlOf(await diff({ APP_NAME_LENGTH: '80' }))).toContain('varchar(80)')
    expect(loads()).toBe(2)
  })

  it('reads the entities again when a file they read through fs changes', async () => {
    const readsJson = "const sizes = JSON.parse(require('node:fs').readFileSync(__dirname + '/../sizes.json', 'utf8'))"
    app({
      'sizes.json': '{ "name": 30 }',
      'entities/thing.ts': entity('thing', "  @Column({ type: 'varchar', length: sizes.name }) name: string", readsJson),
    })
    expect(sqlOf(await diff())).toContain('varchar(30)')
    project.write('sizes.json', '{ "name": 40 }')
    expect(sqlOf(await diff())).toContain('varchar(40)')
    expect(loads()).toBe(2)
  })

  it('reads the entities again when a module they import changes', async () => {
    app({
      'entities/sizes.ts': 'export const nameLength = 30\n',
      'entities/thing.ts': entity('thing', "  @Column({ type: 'varchar', length: nameLength }) name: string", "import { nameLength } from './sizes'"),
    })
    expect(sqlOf(await diff())).toContain('varchar(30)')
    project.write('entities/sizes.ts', 'export const nameLength = 50\n')
    expect(sqlOf(await diff())).toContain('varchar(50)')
    expect(loads()).toBe(2)
  })

  it('reads the entities again when a folder they list gains a file', async () => {
    const listsKinds = "const kinds = require('node:fs').readdirSync(__dirname + '/../kinds').sort()"
    app({
      'kinds/a': '',
      'entities/thing.ts': entity('thing', "  @Column({ type: 'simple-enum', enum: kinds }) kind: string", listsKinds),
    })
    expect(sqlOf(await diff())).toContain("CHECK( \"kind\" IN ('a') )")
    project.write('kinds/b', '')
    expect(sqlOf(await diff())).toContain("CHECK( \"kind\" IN ('a','b') )")
    expect(loads()).toBe(2)
  })

  it('reads the entities again when the config loads another module, found by listing a folder', async () => {
    const listing = `
import { DataSource } from 'typeorm'
import * as fs from 'node:fs'
import * as path from 'node:path'
const dir = path.join(__dirname, 'entities')
export default new DataSource({
  type: 'better-sqlite3',
  database: path.join(__dirname, 'data', 'app.sqlite'),
  entities: fs.readdirSync(dir).sort().flatMap((file) => Object.values(require(path.join(dir, file)))),
})
`
    app({ 'entities/thing.ts': entity('thing', '  @Column() name: string') })
    project.write('ormconfig.ts', listing)
    await diff()
    project.write('entities/other.ts', entity('other', '  @Column() label: string'))
    expect(sqlOf(await diff())).toContain('CREATE TABLE "other"')
  })

  it('is not used with TYPEORM_AUTOGEN_ENTITY_CACHE=off, nor for the github format (which points at the entities\' lines)', async () => {
    app({ 'entities/thing.ts': entity('thing', '  @Column() name: string') })
    await diff()
    expect(loads()).toBe(1)
    await diff({ TYPEORM_AUTOGEN_ENTITY_CACHE: 'off' })
    expect(loads()).toBe(1)
    await runCliInProcess(project.dir, ['check', '--format', 'github', '-c', 'ormconfig.ts'])
    expect(loads()).toBe(1)
  })

  it('works the same in a process of its own', () => {
    app({ 'entities/thing.ts': entity('thing', '  @Column() name: string') })
    const run = () => runBuiltCli(project.dir, ['diff', '--format', 'sql', '-c', 'ormconfig.ts'])
    const first = sqlOf(run())
    expect(sqlOf(run())).toBe(first)
    expect(loads()).toBe(1)
  })
})

describe.each(exampleAppDatabases)('the example application on %s, read from the entity cache', (_dialect, setup) => {
  let db: TestDatabase
  let env: Record<string, string>
  let example: TempProject
  beforeAll(async () => {
    ({ db, env } = await setup())
    example = exampleAppProject()
  })
  afterAll(async () => {
    example?.remove()
    await db?.drop()
  })

  it('diffs an empty database as a run that loads the entities does: every table, view, enum and fact', async () => {
    const run = (more: NodeJS.ProcessEnv = {}) => runCliInProcess(example.dir, ['diff', '--format', 'json'], { ...env, ...more })
    const loaded = await run({ TYPEORM_AUTOGEN_ENTITY_CACHE: 'off' })
    expect(loaded.code).toBe(0)
    await run()
    const cached = await run()
    expect(cached.stdout).toBe(loaded.stdout)
    expect(cached.stderr).toBe(loaded.stderr)
    expect((JSON.parse(loaded.stdout) as { up: string[] }).up.some((sql) => sql.startsWith('CREATE VIEW'))).toBe(true)
  })
})

describe('random sequences of edits to the example application', () => {
  let db: TestDatabase
  let env: Record<string, string>
  let example: TempProject
  beforeAll(async () => {
    ({ db, env } = await exampleAppDatabases[0]![1]())
    example = exampleAppProject()
  })
  afterAll(async () => {
    example?.remove()
    await db?.drop()
  })

  it('diff answers each step from the cache or not as a run that loads the entities does', async () => {
    const run = async (more: NodeJS.ProcessEnv = {}) => {
      const { code, stdout, stderr } = await runCliInProcess(example.dir, ['diff', '--format', 'sql'], { ...env, ...more })
      return { code, stdout, stderr }
    }
    // Each step makes or undoes one edit: the files are written anew from their original text and the edits made.
    const originals = new Map(exampleAppEdit.map(([file]) => [file, readFileSync(example.file(file), 'utf8')]))
    const made = new Set<number>()
    const toggle = (i: number) => {
      if (!made.delete(i)) made.add(i)
      const file = exampleAppEdit[i]![0]
      const edits = exampleAppEdit.filter(([f], j) => f === file && made.has(j))
      example.write(file, edits.reduce((text, [, from, to]) => text.replace(from, to), originals.get(file)!))
    }
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(exampleAppEdit.length - 1), { minLength: 3, maxLength: 6 }), async (steps) => {
        for (const step of steps) {
          toggle(step)
          const cachedTwice = [await run(), await run()]
          const loaded = await run({ TYPEORM_AUTOGEN_ENTITY_CACHE: 'off' })
          expect(cachedTwice).toEqual([loaded, loaded])
        }
      }),
      { numRuns: 3, seed: 20261203 },
    )
  })
})
