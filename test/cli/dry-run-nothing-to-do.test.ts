import { afterDatabaseLine, runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// With nothing to do, a dry run prints what the command itself prints, reason included.

let project: TempProject
const cli = (...args: string[]) => runCliInProcess(project.dir, args)
const printed = async (...args: string[]) => {
  const run = await cli(...args)
  expect(run.code).toBe(0)
  return afterDatabaseLine(run.stdout)
}

beforeAll(async () => {
  project = tempProject({ 'ormconfig.ts': sqliteConfig({ entities: '[]', options: "migrations: ['migrations/*.ts']," }) })
  expect((await cli('create', 'Only', '--timestamp', '1700000000000')).code).toBe(0)
})
afterAll(() => project?.remove())

it.each([
  [[], 'Nothing to revert: no migration is applied.\n'],
  [['--all'], 'Nothing to revert: no migration is applied.\n'],
])('downgrade %j --dry-run with none applied says why, as downgrade does', async (args, line) => {
  expect(await printed('downgrade', ...args, '--dry-run')).toBe(line)
  expect(await printed('downgrade', ...args)).toBe(line)
})

it('downgrade --to the last applied one --dry-run says why, as downgrade does; so does upgrade with none pending', async () => {
  expect((await cli('upgrade')).code).toBe(0)
  const line = 'Nothing to revert: it is the last applied migration.\n'
  expect(await printed('downgrade', '--to', 'Only', '--dry-run')).toBe(line)
  expect(await printed('downgrade', '--to', 'Only')).toBe(line)
  expect(await printed('upgrade', '--dry-run')).toBe(await printed('upgrade'))
})
