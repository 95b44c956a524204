import { readdirSync, readFileSync, renameSync } from 'node:fs'
import { afterDatabaseLine } from '../support/run-cli'
import type { TempProject } from '../support/temp-project'
import { type NoteProject, noteConfig, noteEntity, noteProject } from './note-project'

// generate never replaces a migration: not its file, and not another migration of the folder, the
// DataSource or the migrations table with the same timestamp or class name. The snapshot stays replaceable.

let notes: NoteProject
let project: TempProject
const cli = (...args: string[]) => notes.cli(...args)
const migrations = () => readdirSync(project.file('migrations')).filter((f) => f.endsWith('.ts')).sort()
const init = () => readFileSync(project.file('migrations/1700000000000-Init.ts'), 'utf8')

beforeEach(async () => {
  notes = noteProject()
  project = notes.project
  await notes.applyInit()
  notes.useVersion(2)
})
afterEach(() => project.remove())

function expectRefused(run: Awaited<ReturnType<typeof cli>>, pattern: RegExp): void {
  expect(run.code).toBe(2)
  expect(run.stderr.trim().split('\n')).toHaveLength(1)
  expect(run.stderr).toMatch(/^typeorm-autogen: .*generate never replaces a migration/)
  expect(run.stderr).toMatch(pattern)
}

it('refuses to replace an applied migration file of the same name and timestamp', async () => {
  const before = init()
  expectRefused(await cli('generate', 'Init', '--timestamp', '1700000000000'), /1700000000000-Init\.ts/)
  expect(init()).toBe(before)
  expect(migrations()).toEqual(['1700000000000-Init.ts'])
  expect(afterDatabaseLine((await cli('status')).stdout).trim()).toBe('[applied] Init1700000000000')
})

it('refuses a timestamp another migration of the folder has', async () => {
  expectRefused(await cli('generate', 'AddViews', '--timestamp', '1700000000000'), /timestamp 1700000000000.*1700000000000-Init\.ts/)
  expect(migrations()).toEqual(['1700000000000-Init.ts'])
})

it('refuses a timestamp of a migration applied to the database, whatever its file is called', async () => {
  // The applied migration's file was renamed: only its class name and the migrations table keep the timestamp.
  renameSync(project.file('migrations/1700000000000-Init.ts'), project.file('migrations/init-renamed.ts'))
  expectRefused(await cli('generate', 'AddViews', '--timestamp', '1700000000000'), /Init1700000000000, applied to the database/)
  expect(readdirSync(project.file('migrations')).sort()).toEqual(['autogen.sum', 'entities.snapshot.json', 'init-renamed.ts'])
})

it('writes no expand migration whose timestamp is taken, nor a contract whose timestamp is taken', async () => {
  project.write('note-v3.ts', noteEntity('@Column() body: string'))
  project.write('ormconfig.ts', noteConfig('note-v3'))
  const noop = 'async up(): Promise<void> {}\n  async down(): Promise<void> {}'
  project.write('migrations/1700000001001-Other.ts', `export class Other1700000001001 {\n  ${noop}\n}\n`)
  expect((await cli('upgrade')).stdout).toContain('Applied Other1700000001001')
  const run = await cli('generate', 'MoveText', '--strategy', 'expand-contract', '--rename', 'note.text=body', '--timestamp', '1700000001001')
  expectRefused(run, /timestamp 1700000001001.*1700000001001-Other\.ts/)
  expect(migrations()).toEqual(['1700000000000-Init.ts', '1700000001001-Other.ts'])
  expect((await cli('generate', 'MoveText', '--strategy', 'expand-contract', '--rename', 'note.text=body', '--timestamp', '1700000002000')).code).toBe(0)
  expect((await cli('upgrade')).code).toBe(0)
  expectRefused(await cli('generate', 'MoveText', '--contract', '--timestamp', '1700000001001'), /timestamp 1700000001001/)
  expect(migrations()).toEqual(['1700000000000-Init.ts', '1700000001001-Other.ts', '1700000002000-MoveTextExpand.ts'])
})

it('still replaces the snapshot beside a new migration', async () => {
  const snapshot = () => readFileSync(project.file('migrations/entities.snapshot.json'), 'utf8')
  const before = snapshot()
  expect((await cli('generate', 'AddViews', '--timestamp', '1700000001000')).code).toBe(0)
  expect(snapshot()).not.toBe(before)
  expect(migrations()).toEqual(['1700000000000-Init.ts', '1700000001000-AddViews.ts'])
})
