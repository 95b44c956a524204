import { existsSync, readdirSync } from 'node:fs'
import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// Small things a user trips over, through the built CLI: each gives one clean line that says what to do.

const entity = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column() text: string
}
`
const migration = (name: string, up: string, down: string) => `
import { MigrationInterface, QueryRunner } from 'typeorm'
export class ${name} implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> { await q.query(${JSON.stringify(up)}) }
  async down(q: QueryRunner): Promise<void> { await q.query(${JSON.stringify(down)}) }
}
`

let project: TempProject
beforeEach(() => {
  project = tempProject({ 'note.ts': entity })
  project.write('ormconfig.ts', sqliteConfig({ imports: "import { Note } from './note'", entities: '[Note]', options: "migrations: ['migrations/*.ts']," }))
})
afterEach(() => project.remove())

async function oneErrorLine(args: readonly string[]): Promise<string> {
  const run = await runCliInProcess(project.dir, args)
  expect(run.code).toBe(2)
  const lines = run.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(existsSync(project.file('migrations')) ? readdirSync(project.file('migrations')) : []).toEqual([])
  return lines[0]!
}

it('generate without a name prints one error that says how to name it', async () => {
  expect(await oneErrorLine(['generate'])).toBe('typeorm-autogen: generate needs a migration name: typeorm-autogen generate <Name>, e.g. AddPostTags')
})

it.each(['abc', '12', '1.5e12', '01700000000000'])('--timestamp %s is refused in one line without internal prefixes', async (value) => {
  expect(await oneErrorLine(['generate', 'Init', '--timestamp', value])).toBe(
    `typeorm-autogen: --timestamp ${value} is not a 13-digit time in milliseconds: pass one like 1700000000000, or leave it out to use the current time`,
  )
})

it('-c with a folder says it is a folder and to pass the config file', async () => {
  project.write('src/data-source.ts', '')
  expect(await oneErrorLine(['diff', '-c', 'src'])).toBe('typeorm-autogen: src is a folder: pass the config file in it with -c/--config FILE, e.g. -c src/data-source.ts')
})

it('a failed upgrade prints its error once, naming the migration and the statement', async () => {
  project.write('migrations/1700000000000-Broken.ts', migration('Broken1700000000000', 'SELEC 1', 'SELECT 1'))
  const run = await runCliInProcess(project.dir, ['upgrade'])
  expect(run.code).toBe(2)
  expect(`${run.stdout}${run.stderr}`.match(/syntax error/g)).toHaveLength(1)
  expect(run.stderr.trim()).toMatch(/^typeorm-autogen: migration Broken1700000000000 failed in up: .*near "SELEC": syntax error; the failing statement: SELEC 1; its transaction was rolled back, so the database is as it was before it$/)
})

it('a failed downgrade names its migration', async () => {
  project.write('migrations/1700000000000-Table.ts', migration('Table1700000000000', 'CREATE TABLE "x" ("a" integer)', 'DROP TABLE "no_such_table"'))
  expect(await (await runCliInProcess(project.dir, ['upgrade'])).code).toBe(0)
  const run = await runCliInProcess(project.dir, ['downgrade'])
  expect(run.code).toBe(2)
  expect(run.stderr.trim()).toMatch(/^typeorm-autogen: migration Table1700000000000 failed in down: .*no such table: no_such_table; the failing statement: DROP TABLE "no_such_table"; its transaction was rolled back, so the database is as it was before it$/)
  expect(`${run.stdout}${run.stderr}`.match(/no such table/g)).toHaveLength(1)
})

describe('--help', () => {
  it.each([['--help'], ['diff', '--help'], ['generate', '--help'], ['check', '--help'], ['history', '--help'], ['show', '--help']])('%s keeps a space before every [choices] and [default]', async (...args) => {
    const run = await runCliInProcess(project.dir, args)
    expect(run.code).toBe(0)
    expect(run.stdout).not.toMatch(/\S\[(choices|default|string|boolean|array)/)
  })

  it('shows the exit codes and examples', async () => {
    const run = await runCliInProcess(project.dir, ['--help'])
    expect(run.stdout).toMatch(/Exit codes:\n {2}0 {2}success.*\n {2}1 {2}check: .*; stamp: .*\n {2}2 {2}any error.*\n {2}3 {2}generate only/)
    expect(run.stdout).toMatch(/Examples:\n {2}typeorm-autogen generate AddPostTags /)
  })
})
