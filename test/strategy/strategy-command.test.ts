import { readdirSync, readFileSync, rmSync } from 'node:fs'
import type { CliOutput } from '../../src/cli/cli-output'
import { checkCommand } from '../../src/cli/commands/check-command'
import { generateCommand } from '../../src/cli/commands/generate-command'
import { upgradeCommand } from '../../src/cli/commands/runner-commands'
import { ExitCode } from '../../src/cli/exit-codes'
import { runCliInProcess } from '../support/run-cli'
import { type TempProject, sqliteConfig, tempProject } from '../support/temp-project'

// `generate --strategy expand-contract` writes expand alone, `generate --contract` the contract once expand is
// applied; `check` exits 1 between them and 0 after both; a change
// with nothing risky is one ordinary migration; the built CLI parses the flag and rejects an unknown strategy.

const post = (columns: string) => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('post')
export class Post {
  @PrimaryGeneratedColumn() id: number
  ${columns}
}
`
const configOf = (entityFile: string) =>
  sqliteConfig({ imports: `import { Post } from './${entityFile}'`, entities: '[Post]', options: "migrations: [path.join(__dirname, 'migrations', '*.ts')]," })

let project: TempProject
let printed: { out: string[]; err: string[] }
const output: CliOutput = { out: (text) => printed.out.push(text), err: (text) => printed.err.push(text) }
const migrations = () => readdirSync(project.file('migrations')).filter((f) => f.endsWith('.ts')).sort()

beforeAll(async () => {
  project = tempProject({
    'post-v1.ts': post("@Column({ type: 'text' }) body: string"),
    'post-v2.ts': post("@Column({ type: 'text' }) content: string"),
    'post-v3.ts': post("@Column({ type: 'text' }) content: string\n  @Column({ type: 'integer', default: 0 }) views: number"),
    'ormconfig-v1.ts': configOf('post-v1'),
    'ormconfig-v2.ts': configOf('post-v2'),
    'ormconfig-v3.ts': configOf('post-v3'),
    'post-v4.ts': post("@Column({ type: 'text' }) content: string\n  @Column({ type: 'integer', default: 0 }) views: number").replace('id: number', 'key: number'),
    'ormconfig-v4.ts': configOf('post-v4'),
  })
  printed = { out: [], err: [] }
  const v1 = project.file('ormconfig-v1.ts')
  expect(await generateCommand({ config: v1, name: 'Init', timestamp: 1700000000000 }, output)).toBe(ExitCode.ok)
  expect(await upgradeCommand({ config: v1 }, output)).toBe(ExitCode.ok)
})
afterAll(() => project?.remove())
beforeEach(() => (printed = { out: [], err: [] }))

it('writes expand alone; --contract refuses until expand is applied; check exits 1 between them and 0 after both', async () => {
  const v2 = project.file('ormconfig-v2.ts')
  const args = { config: v2, name: 'MoveBody', strategy: 'expand-contract', rename: ['post.body=content'], timestamp: 1700000001000 } as const
  expect(await generateCommand(args, output)).toBe(ExitCode.ok)
  expect(migrations()).toEqual(['1700000000000-Init.ts', '1700000001000-MoveBodyExpand.ts'])
  expect(printed.out.join('\n')).toContain('Run it (upgrade), deploy the code that uses the new columns, then write the contract with `generate <Name> --contract`.')
  expect(readFileSync(project.file('migrations/1700000001000-MoveBodyExpand.ts'), 'utf8')).toContain('No triggers keep the two columns in sync')

  const early = await runCliInProcess(project.dir, ['generate', 'MoveBody', '-c', 'ormconfig-v2.ts', '--contract', '--timestamp', '1700000001500'])
  expect(early.code).toBe(ExitCode.error)
  expect(early.stderr).toBe('typeorm-autogen: the expand migration MoveBodyExpand1700000001000 is not applied yet: run `typeorm-autogen upgrade` ' +
    'and deploy the code that uses the new columns first, then generate the contract\n')
  expect(migrations()).toHaveLength(2)

  expect(await upgradeCommand({ config: v2 }, output)).toBe(ExitCode.ok)
  printed = { out: [], err: [] }
  expect(await checkCommand({ config: v2, format: 'text' }, output)).toBe(ExitCode.changesMissing)
  expect(printed.out.join('\n')).toContain('- column "body"')
  expect(printed.out.join('\n')).toContain('the expand migration MoveBodyExpand1700000001000 is applied and its contract is due')
  const advice = 'The contract of MoveBodyExpand1700000001000 is due: once the code using the new columns runs everywhere, run `typeorm-autogen generate <Name> --contract`.'
  expect(printed.err).toContain(advice)
  // The migrations folder's own check says the same: a plain generate would refuse.
  const fromMigrations = await runCliInProcess(project.dir, ['check', '--from-migrations', '-c', 'ormconfig-v2.ts'])
  expect(fromMigrations.code).toBe(ExitCode.changesMissing)
  expect(fromMigrations.stderr).toContain(advice)

  const contract = await runCliInProcess(project.dir, ['generate', 'MoveBody', '-c', 'ormconfig-v2.ts', '--contract', '--timestamp', '1700000001500'])
  expect(contract.stderr).toBe('')
  expect(contract.code).toBe(ExitCode.ok)
  expect(migrations()).toEqual(['1700000000000-Init.ts', '1700000001000-MoveBodyExpand.ts', '1700000001500-MoveBodyContract.ts'])
  expect(await upgradeCommand({ config: v2 }, output)).toBe(ExitCode.ok)
  expect(await checkCommand({ config: v2, format: 'text' }, output)).toBe(ExitCode.ok)
})

it('writes one ordinary migration when nothing is risky, and says so', async () => {
  const run = await runCliInProcess(project.dir, ['generate', 'AddViews', '-c', 'ormconfig-v3.ts', '--strategy', 'expand-contract', '--timestamp', '1700000002000'])
  expect(run.stderr).toBe('')
  expect(run.code).toBe(ExitCode.ok)
  expect(migrations().filter((f) => f.startsWith('1700000002'))).toEqual(['1700000002000-AddViews.ts'])
  expect(run.stdout).toContain('Nothing to expand and contract (no column rename or risky type change): wrote one ordinary migration.')
})

it('rejects an unknown strategy as a usage error', async () => {
  const run = await runCliInProcess(project.dir, ['generate', 'X', '-c', 'ormconfig-v3.ts', '--strategy', 'sideways'])
  expect(run.code).toBe(ExitCode.error)
  expect(run.stderr).toMatch(/--strategy sideways is not one of direct, expand-contract/)
})

it('says so when every rename stays in place', async () => {
  rmSync(project.file('migrations/1700000002000-AddViews.ts'))
  const run = await runCliInProcess(project.dir, ['generate', 'RenameKey', '-c', 'ormconfig-v4.ts', '--strategy', 'expand-contract', '--rename', 'post.id=key', '--timestamp', '1700000003000'])
  expect(run.code).toBe(ExitCode.ok)
  expect(run.stderr).toBe('')
  expect(run.stdout).toContain('KEPT_IN_PLACE: column "post"."id" renamed to "key" stays in place')
  expect(run.stdout).toContain('Nothing to expand and contract (each column rename or risky type change stays in place, see KEPT_IN_PLACE): wrote one ordinary migration.')
  rmSync(project.file('migrations/1700000003000-RenameKey.ts'))
})
