import { readdirSync } from 'node:fs'
import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// rebase takes a migration as upgrade --to, show and stamp do: whole name, name without timestamp, timestamp,
// or a unique prefix; and its file name.

let project: TempProject
const cli = (...args: string[]) => runCliInProcess(project.dir, args)
const files = () => readdirSync(project.file('migrations')).filter((f) => f.endsWith('.ts')).sort()

beforeAll(async () => {
  project = tempProject({ 'ormconfig.ts': sqliteConfig({ entities: '[]', options: "migrations: ['migrations/*.ts']," }) })
  for (const [name, timestamp] of [['First', '1700000000000'], ['Second', '1700000001000'], ['Third', '1700000002000']]) {
    expect((await cli('create', name!, '--timestamp', timestamp!)).code).toBe(0)
  }
  expect((await cli('upgrade', '--to', 'First')).code).toBe(0)
})
afterAll(() => project?.remove())

it('moves the migration a name without its timestamp, or a unique prefix, names', async () => {
  expect(await cli('rebase', 'Second', '--timestamp', '1700000003000')).toMatchObject({ code: 0, stderr: '' })
  expect(await cli('rebase', 'Thi', '--timestamp', '1700000004000')).toMatchObject({ code: 0, stderr: '' })
  expect(files()).toEqual(['1700000000000-First.ts', '1700000003000-Second.ts', '1700000004000-Third.ts'])
  const check = await cli('check')
  expect(check.stderr).not.toContain('MIGRATION_')
  expect(check.code).toBe(0)
})

it.each([
  [['rebase', '17000000'], '"17000000" matches 3 migrations (First1700000000000, Second1700000003000, Third1700000004000): give more of the name or the whole timestamp'],
  [['rebase', 'Fourth'], 'no migration matches "Fourth": name one of First1700000000000, Second1700000003000, Third1700000004000 (its name, its timestamp, or a unique prefix of either)'],
  [['rebase', 'First'], 'migration First1700000000000 is applied to the database: rebase only renames a migration applied nowhere yet; write a new migration for a further change'],
])('%j exits 2 with one line, renaming nothing', async (args, message) => {
  const before = files()
  expect(await cli(...args)).toMatchObject({ code: 2, stderr: `typeorm-autogen: ${message}\n` })
  expect(files()).toEqual(before)
})
