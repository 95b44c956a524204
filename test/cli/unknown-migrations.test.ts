import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { afterDatabaseLine, runCliInProcess } from '../support/run-cli'
import type { TempProject } from '../support/temp-project'
import { type NoteProject, noteProject } from './note-project'

// After switching branches, a teammate's migration is applied to the database but missing from the folder:
// status lists it as unknown, generate refuses (its diff would revert the change), diff and check warn.

let notes: NoteProject
let project: TempProject
const cli = (...args: string[]) => notes.cli(...args)
const unknownText =
  '1 migration is applied to the database but not in this project (AddViews1700000001000): switch branch or pull to get it, or the new migration reverts its changes'

beforeAll(async () => {
  notes = noteProject()
  project = notes.project
  await await notes.applyInit()
  // A teammate's branch adds and applies AddViews; switching back leaves it applied, without its file.
  const sum = readFileSync(project.file('migrations/autogen.sum'), 'utf8')
  notes.useVersion(2)
  expect((await cli('generate', 'AddViews', '--timestamp', '1700000001000')).code).toBe(0)
  expect((await cli('upgrade')).stdout).toContain('Applied AddViews1700000001000')
  rmSync(project.file('migrations/1700000001000-AddViews.ts'))
  writeFileSync(project.file('migrations/autogen.sum'), sum)
  notes.useVersion(1)
})
afterAll(() => project?.remove())

it('status lists the applied migration without a file as unknown, beside the others', async () => {
  const run = await cli('status')
  expect(run.code).toBe(0)
  expect(afterDatabaseLine(run.stdout).trim().split('\n')).toEqual([
    '[applied] Init1700000000000',
    '[unknown] AddViews1700000001000 (applied to the database, no file: switch branch or pull)',
  ])
})

it('generate refuses, naming it and saying to switch branch or pull', async () => {
  const run = await cli('generate', 'DropViews', '--timestamp', '1700000002000')
  expect(run.code).toBe(2)
  expect(run.stderr).toBe(`typeorm-autogen: ${unknownText}\n`)
  expect(readdirSync(project.file('migrations')).filter((f) => f.endsWith('.ts'))).toEqual(['1700000000000-Init.ts'])
})

it('diff and check warn, with their exit codes unchanged', async () => {
  const diff = await cli('diff')
  expect(diff.code).toBe(0)
  expect(diff.stdout).toContain(unknownText)
  const check = await cli('check')
  expect(check.code).toBe(1)
  expect(check.stdout).toContain(unknownText)
  notes.useVersion(2)
  const clean = await cli('check')
  expect(clean.code).toBe(0)
  expect(clean.stderr).toContain(`warning: UNKNOWN_MIGRATIONS: ${unknownText}`)
})

// upgrade said only "Up to date", exit 0, also run from a subfolder (-c ../ormconfig.ts) whose globs load no migration.
it('upgrade warns of it and runs nothing; where the project has no migration at all, it says to check the migrations option', async () => {
  const run = await cli('upgrade')
  expect(run.code).toBe(0)
  expect(afterDatabaseLine(run.stdout)).toBe('Up to date: no pending migrations.\n')
  expect(run.stderr).toBe('warning: UNKNOWN_MIGRATIONS: 1 migration is applied to the database but not in this project (AddViews1700000001000): switch branch or pull to get it\n')
  project.write('src/.keep', '')
  const fromSubfolder = await runCliInProcess(project.file('src'), ['upgrade', '-c', '../ormconfig.ts'])
  expect(fromSubfolder.code).toBe(0)
  expect(fromSubfolder.stderr).toBe('warning: UNKNOWN_MIGRATIONS: 2 migrations are applied to the database but not in this project (Init1700000000000, ' +
    `AddViews1700000001000): switch branch or pull to get them; the project has no migration at all: check the DataSource's migrations option, whose globs are read against ${project.file('src')}\n`)
  expect((await cli('current')).stdout).toBe('AddViews1700000001000\n')
})

it('downgrade refuses to revert it, reverting nothing; stamp --delete removes its record', async () => {
  const run = await cli('downgrade', '--to', 'Init')
  expect(run.stderr).toBe('typeorm-autogen: cannot revert AddViews1700000001000: applied to the database, but no migration file has it; switch branch or pull to get it, or remove its record with `typeorm-autogen stamp --delete AddViews1700000001000`\n')
  expect(run.code).toBe(2)
  expect((await cli('current')).stdout).toBe('AddViews1700000001000\n')
  expect((await cli('stamp', '--delete', 'AddViews')).code).toBe(0)
  expect((await cli('current')).stdout).toBe('Init1700000000000\n')
})
