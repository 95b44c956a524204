import { rmSync } from 'node:fs'
import { afterDatabaseLine, runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// When migrations of the folder are pending, `check` still fails (exit 1) but says to run upgrade, not to
// generate a migration that would repeat them; also between expand and contract, with contract pending.

const post = (columns: string) => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('post')
export class Post {
  @PrimaryGeneratedColumn() id: number
  ${columns}
}
`
const missing = 'A migration is missing: the entities differ from the database. Run `typeorm-autogen generate <Name>`.\n'
const pending = (n: string) => `${n} pending: run \`typeorm-autogen upgrade\`, then check again. Until then the entities differ from the database.\n`

let project: TempProject
beforeEach(() => {
  project = tempProject({ 'post.ts': post("@Column({ type: 'text' }) body: string") })
  project.write('ormconfig.ts', sqliteConfig({ imports: "import { Post } from './post'", entities: '[Post]', options: "migrations: ['migrations/*.ts']," }))
})
afterEach(() => project.remove())

const cli = (...args: string[]) => runCliInProcess(project.dir, args)

it('says how many migrations are pending and to run upgrade, still exiting 1', async () => {
  expect((await cli('check')).stderr).toBe(missing)
  expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
  const check = await cli('check')
  expect(check.code).toBe(1)
  expect(check.stderr).toBe(pending('1 migration is'))
  expect(check.stdout).toContain('+ table "post"')
  expect(afterDatabaseLine((await cli('check', '--format', 'sql')).stderr)).toMatch(/^1 migration is pending: run `typeorm-autogen upgrade`/)
  // GitHub's annotation of the table is titled as its message says: pending, not missing.
  expect((await cli('check', '--format', 'github')).stdout).toContain('::error file=post.ts,line=4,title=Migrations pending%3A table "post" (2 columns)::1 migration is pending')
  expect((await cli('upgrade')).code).toBe(0)
  expect(await cli('check')).toMatchObject({ code: 0, stderr: '' })
})

it('says the contract migration is due between expand and contract, and pending once written', async () => {
  expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
  expect((await cli('upgrade')).code).toBe(0)
  project.write('post.ts', post("@Column({ type: 'text' }) content: string"))
  const expand = await cli('generate', 'MoveBody', '--strategy', 'expand-contract', '--rename', 'post.body=content', '--timestamp', '1700000001000')
  expect(expand.code).toBe(0)
  expect((await cli('check')).stderr).toBe(pending('1 migration is'))
  expect((await cli('upgrade')).code).toBe(0)

  const due = await cli('check')
  expect(due.code).toBe(1)
  expect(due.stderr).toBe('The contract of MoveBodyExpand1700000001000 is due: once the code using the new columns runs everywhere, run `typeorm-autogen generate <Name> --contract`.\n')
  expect((await cli('generate', 'MoveBody', '--contract', '--timestamp', '1700000002000')).code).toBe(0)
  const written = await cli('check')
  expect(written.code).toBe(1)
  expect(written.stderr).toBe(pending('1 migration is'))
  expect((await cli('upgrade')).code).toBe(0)
  expect((await cli('check')).code).toBe(0)
})

it('says to switch branch or pull where the database applied a migration the project lacks, which generate refuses to revert', async () => {
  expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
  expect((await cli('upgrade')).code).toBe(0)
  project.write('post.ts', post("@Column({ type: 'text' }) body: string\n  @Column({ type: 'integer', default: 0 }) views: number"))
  expect((await cli('generate', 'AddViews', '--timestamp', '1700000001000')).code).toBe(0)
  expect((await cli('upgrade')).code).toBe(0)
  // Back on a branch without AddViews: its file and its column are gone, its record is not.
  rmSync(project.file('migrations/1700000001000-AddViews.ts'))
  expect((await cli('hash')).code).toBe(0)
  project.write('post.ts', post("@Column({ type: 'text' }) body: string"))

  const check = await cli('check')
  expect(check.code).toBe(1)
  expect(check.stderr).toBe('1 migration is applied to the database but not in this project (AddViews1700000001000): switch branch or pull to get it, then check again. Until then the entities differ from the database.\n')
  expect((await cli('check', '--format', 'github')).stdout).toContain('title=Migrations not in this project%3A table "post"::1 migration is applied')
})
