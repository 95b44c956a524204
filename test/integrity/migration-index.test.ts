import { readFileSync } from 'node:fs'
import { migrationHash, parseSum, sumText } from '../../src/source/migration-sum'
import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'

// A DataSource that lists its migrations as classes, imported from an index of the migrations folder
// (RedisInsight's `migration/index.ts`: `export default [Init1700000000000, ...]`), with autogen.migrationsDir
// naming that folder. The index declares no migration and changes with every new one: autogen.sum does not
// list it, `check` never calls it changed, and `check --from-migrations` never calls it a migration that
// does not run. Before, `hash` listed it and every new migration added to it failed `check` (exit 5,
// MIGRATION_CHANGED), and `check --from-migrations` named it MIGRATION_NOT_RUN.

const note = (columns: string) => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar' }) text: string
  ${columns}
}
`

const config = [
  "import { DataSource } from 'typeorm'",
  "import * as path from 'node:path'",
  "import { Note } from './note'",
  "import migrations from './migrations'",
  "export default new DataSource({ type: 'better-sqlite3', database: path.join(__dirname, 'app.sqlite'), entities: [Note], migrations })",
  "export const autogen = { migrationsDir: 'migrations' }",
].join('\n')

const indexOf = (names: readonly string[]) => [
  ...names.map((name) => `import { ${name.replace(/^(\d+)-(\w+)$/, '$2$1')} } from './${name}';`),
  '',
  `export default [${names.map((name) => name.replace(/^(\d+)-(\w+)$/, '$2$1')).join(', ')}];`,
  '',
].join('\n')

let project: TempProject
const cli = (...args: string[]) => runCliInProcess(project.dir, args)
beforeAll(() => {
  project = tempProject({ 'ormconfig.ts': config, 'note.ts': note(''), 'migrations/index.ts': indexOf([]) })
})
afterAll(() => project.remove())

it('hash leaves the index out of autogen.sum, and check passes once a migration is added to it', async () => {
  expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
  project.write('migrations/index.ts', indexOf(['1700000000000-Init']))
  expect((await cli('hash')).stdout).toBe('Wrote migrations/autogen.sum (1 migration)\n')
  expect(readFileSync(project.file('migrations/autogen.sum'), 'utf8')).not.toContain('index.ts')
  expect((await cli('upgrade')).code).toBe(0)
  expect(await cli('check')).toMatchObject({ code: 0, stderr: '' })

  project.write('note.ts', note("@Column({ type: 'integer', default: 0 }) views: number"))
  expect((await cli('generate', 'Views', '--timestamp', '1700000001000')).code).toBe(0)
  project.write('migrations/index.ts', indexOf(['1700000000000-Init', '1700000001000-Views']))
  expect((await cli('upgrade')).code).toBe(0)
  expect(await cli('check')).toMatchObject({ code: 0, stderr: '' })
  expect(await cli('check', '--from-migrations')).toMatchObject({ code: 0, stderr: '' })
})

it('a sum that lists the index (written by an older version) does not call it gone', async () => {
  const sum = readFileSync(project.file('migrations/autogen.sum'), 'utf8')
  const read = parseSum(sum)
  if (read.kind !== 'read') throw new Error(`autogen.sum: ${read.kind}`)
  const index = { fileName: 'index.ts', hash: migrationHash(readFileSync(project.file('migrations/index.ts'), 'utf8')) }
  project.write('migrations/autogen.sum', sumText([...read.entries, index]))
  expect(await cli('check')).toMatchObject({ code: 0, stderr: '' })
  project.write('migrations/autogen.sum', sum)
})

it('rebase renames the migration in the index that imports it, so that the config still loads', async () => {
  project.write('note.ts', note("@Column({ type: 'integer', default: 0 }) views: number\n  @Column({ type: 'boolean', default: false }) pinned: boolean"))
  expect((await cli('generate', 'Pinned', '--timestamp', '1700000002000')).code).toBe(0)
  project.write('migrations/index.ts', indexOf(['1700000000000-Init', '1700000001000-Views', '1700000002000-Pinned']))
  expect((await cli('hash')).code).toBe(0)
  const rebased = await cli('rebase', 'Pinned', '--timestamp', '1700000003000')
  expect(rebased.code).toBe(0)
  expect(readFileSync(project.file('migrations/index.ts'), 'utf8')).toBe(indexOf(['1700000000000-Init', '1700000001000-Views', '1700000003000-Pinned']))
  expect(await cli('status')).toMatchObject({ code: 0, stdout: expect.stringContaining('[pending] Pinned1700000003000\n') })
  expect((await cli('upgrade')).code).toBe(0)
  expect(await cli('check')).toMatchObject({ code: 0, stderr: '' })
})
