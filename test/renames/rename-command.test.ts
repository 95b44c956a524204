import { readdirSync, readFileSync, rmSync } from 'node:fs'
import type { CliOutput } from '../../src/cli/cli-output'
import { generateCommand } from '../../src/cli/commands/generate-command'
import { upgradeCommand } from '../../src/cli/commands/runner-commands'
import { ExitCode } from '../../src/cli/exit-codes'
import type { SuspectedRename } from '../../src/diff/rename-types'
import { type TempProject, sqliteConfig, tempProject } from '../support/temp-project'

// generate in a terminal asks about each suspected rename; here the answers come from a function passed in.

const post = (third: string, extra = '') => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('post')
export class Post {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 100 }) title: string
  @Column({ type: 'text', nullable: true }) ${third}: string | null
  ${extra}
}
`

let project: TempProject
let printed: { out: string[]; err: string[] }
const output: CliOutput = { out: (text) => printed.out.push(text), err: (text) => printed.err.push(text) }

// Two versions in two files: the module cache keeps a file once loaded.
const configOf = (entityFile: string) =>
  sqliteConfig({
    imports: `import { Post } from './${entityFile}'`,
    entities: '[Post]',
    options: "migrations: [path.join(__dirname, 'migrations', '*.ts')],",
  })

beforeAll(async () => {
  project = tempProject({
    'post-v1.ts': post('body'),
    'post-v2.ts': post('content', "@Column({ type: 'integer', default: 0 }) views: number"),
    'ormconfig-v1.ts': configOf('post-v1'),
    'ormconfig.ts': configOf('post-v2'),
  })
  printed = { out: [], err: [] }
  const v1 = project.file('ormconfig-v1.ts')
  expect(await generateCommand({ config: v1, name: 'Init', timestamp: 1700000000000 }, output)).toBe(ExitCode.ok)
  expect(await upgradeCommand({ config: v1 }, output)).toBe(ExitCode.ok)
})
afterAll(() => project?.remove())
beforeEach(() => (printed = { out: [], err: [] }))

const config = () => project.file('ormconfig.ts')
const newFiles = () => readdirSync(project.file('migrations')).filter((f) => !f.includes('-Init') && f.endsWith('.ts'))

it('renames when the answer is yes', async () => {
  const asked: SuspectedRename[] = []
  const code = await generateCommand({ config: config(), name: 'Rename', timestamp: 1700000001000 }, output, async (s) => (asked.push(s), true))
  expect(code).toBe(ExitCode.ok)
  expect(asked.map((s) => `${s.table.name}.${s.from} -> ${s.to}`)).toEqual(['post.body -> content'])
  const [file] = newFiles()
  expect(readFileSync(project.file(`migrations/${file}`), 'utf8')).toMatch(/RENAME COLUMN "body" TO "content"/)
  expect(printed.out.join('\n')).toContain('~ column "content" renamed from "body"')
  rmSync(project.file(`migrations/${file}`))
})

it('drops and adds when the answer is no, as the user said', async () => {
  const code = await generateCommand({ config: config(), name: 'DropAdd', timestamp: 1700000002000 }, output, async () => false)
  expect(code).toBe(ExitCode.ok)
  const [file] = newFiles()
  expect(readFileSync(project.file(`migrations/${file}`), 'utf8')).toMatch(/DROP COLUMN "body"/)
  rmSync(project.file(`migrations/${file}`))
})

it('without an answerer, exits 3 naming the hint, writing nothing', async () => {
  const code = await generateCommand({ config: config(), name: 'Rename' }, output)
  expect(code).toBe(ExitCode.renameUnresolved)
  expect(printed.err).toEqual([
    "typeorm-autogen: post.body may have been renamed to post.content: add @RenamedFrom('body') to Post.content, or pass --rename post.body=content; pass --accept-data-loss to drop and add instead",
  ])
  expect(newFiles()).toEqual([])
})
