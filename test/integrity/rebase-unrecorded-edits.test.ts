import { readdirSync, readFileSync } from 'node:fs'
import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// rebase writes the renamed file into autogen.sum. A migration the sum does not hold as it is (edited, filled in
// since create, never listed) is refused, so that the rebase does not record an edit nobody reviewed and
// check still names it: the user reviews it and runs hash (or restores it), then rebases.

let project: TempProject
const cli = (...args: string[]) => runCliInProcess(project.dir, args)
const folder = () => readdirSync(project.file('migrations')).sort().map((f) => `${f}:${readFileSync(project.file(`migrations/${f}`), 'utf8')}`)
const fillIn = (file: string) => project.write(`migrations/${file}`, readFileSync(project.file(`migrations/${file}`), 'utf8')
  .replace('// Write the change here, e.g. await queryRunner.query(`UPDATE ...`);', 'await queryRunner.query(`SELECT 1`);'))

beforeEach(async () => {
  project = tempProject({ 'ormconfig.ts': sqliteConfig({ entities: '[]', options: "migrations: ['migrations/*.ts']," }) })
  expect((await cli('create', 'First', '--timestamp', '1700000000000')).code).toBe(0)
  expect((await cli('hash')).code).toBe(0)
})
afterEach(() => project?.remove())

it('refuses a migration edited since autogen.sum was written, changing nothing, until hash records the edit', async () => {
  fillIn('1700000000000-First.ts')
  const changed = await cli('check')
  expect(changed.stdout + changed.stderr).toContain('MIGRATION_CHANGED')
  const before = folder()
  expect(await cli('rebase', 'First', '--timestamp', '1700000005000', '--quiet')).toEqual({
    code: 2,
    stdout: '',
    stderr: 'typeorm-autogen: migration First1700000000000 differs from its line in autogen.sum (edited since?), which rebase would record unreviewed: '
      + 'review it, run `typeorm-autogen hash`, then rebase again; or restore it (git checkout -- migrations/1700000000000-First.ts)\n',
  })
  expect(folder()).toEqual(before)
  expect((await cli('hash')).code).toBe(0)
  expect((await cli('rebase', 'First', '--timestamp', '1700000005000')).code).toBe(0)
  const check = await cli('check')
  expect(check.stdout + check.stderr).not.toContain('MIGRATION_')
})

it('refuses a migration filled in since create wrote it', async () => {
  expect((await cli('create', 'Second', '--timestamp', '1700000001000')).code).toBe(0)
  fillIn('1700000001000-Second.ts')
  const run = await cli('rebase', 'Second', '--timestamp', '1700000005000')
  expect(run.code).toBe(2)
  expect(run.stderr).toMatch(/^typeorm-autogen: migration Second1700000001000 differs from its line in autogen\.sum/m)
  expect(readdirSync(project.file('migrations'))).toContain('1700000001000-Second.ts')
})

it('refuses a migration autogen.sum does not list', async () => {
  project.write('migrations/1700000002000-ByHand.ts', readFileSync(project.file('migrations/1700000000000-First.ts'), 'utf8').replace(/First1700000000000/g, 'ByHand1700000002000'))
  const before = folder()
  const run = await cli('rebase', 'ByHand', '--timestamp', '1700000005000', '--quiet')
  expect(run).toEqual({
    code: 2,
    stdout: '',
    stderr: 'typeorm-autogen: migration ByHand1700000002000 is not in autogen.sum (written by hand or copied in?), which rebase would record unreviewed: review it, run `typeorm-autogen hash`, then rebase again\n',
  })
  expect(folder()).toEqual(before)
})

it('moves a migration the sum holds as it is, which check then passes', async () => {
  expect((await cli('rebase', 'First', '--timestamp', '1700000005000')).code).toBe(0)
  const check = await cli('check')
  expect(check.stdout + check.stderr).not.toContain('MIGRATION_')
})
