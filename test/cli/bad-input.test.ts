import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// Every bad input gives one clear line on stderr, exit code 2, no migration file and an untouched database.

const entity = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column() text: string
}
`

let project: TempProject
beforeEach(() => {
  project = tempProject({ 'note.ts': entity })
  project.write('ormconfig.ts', sqliteConfig({ imports: "import { Note } from './note'", entities: '[Note]', options: "migrations: ['migrations/*.ts']," }))
})
afterEach(() => project.remove())

async function expectRefusal(args: string[], pattern: RegExp): Promise<void> {
  const run = await runCliInProcess(project.dir, args)
  expect(run.code).toBe(2)
  const lines = run.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^typeorm-autogen: /)
  expect(lines[0]).toMatch(pattern)
  expect(existsSync(project.file('migrations')) ? readdirSync(project.file('migrations')) : []).toEqual([])
}

it('refuses a missing config file', async () => {
  await expectRefusal(['generate', 'Init', '-c', 'nowhere.ts'], /nowhere\.ts.*not found.*--config/)
  expect(existsSync(project.file('data/app.sqlite'))).toBe(false)
})

it('refuses a config that throws', async () => {
  project.write('broken.ts', "throw new Error('DATABASE_HOST is not set')\n")
  await expectRefusal(['diff', '-c', 'broken.ts'], /DATABASE_HOST is not set/)
})

it('refuses a config that exports no DataSource', async () => {
  project.write('empty.ts', 'export const answer = 42\n')
  await expectRefusal(['check', '-c', 'empty.ts'], /DataSource/)
})

it('refuses an entity TypeORM rejects', async () => {
  project.write('bad.ts', "import { Column, Entity } from 'typeorm'\n@Entity('bad')\nexport class Bad { @Column() text: string }\n")
  project.write('ormconfig.ts', sqliteConfig({ imports: "import { Bad } from './bad'", entities: '[Bad]' }))
  await expectRefusal(['generate', 'Init'], /primary column/i)
})

it('refuses a file that is not a database, and leaves it as it was', async () => {
  const file = project.write('data/app.sqlite', 'this is not a database, but somebody cares about it\n')
  const before = readFileSync(file)
  await expectRefusal(['generate', 'Init'], /app\.sqlite/)
  expect(readFileSync(file)).toEqual(before)
})

it('refuses a locked database and changes nothing', async () => {
  const file = project.file('data/app.sqlite')
  project.write('data/.keep', '')
  const holder = new Database(file)
  try {
    holder.exec('CREATE TABLE other (id integer)')
    holder.pragma('locking_mode = EXCLUSIVE')
    holder.exec('BEGIN EXCLUSIVE')
    const size = statSync(file).size
    await expectRefusal(['generate', 'Init'], /locked|busy/i)
    expect(statSync(file).size).toBe(size)
  } finally {
    holder.close()
  }
})

it('refuses an unwritable migrations folder and writes no partial file', async () => {
  writeFileSync(project.file('migrations'), 'a file where the folder should be\n')
  const run = await runCliInProcess(project.dir, ['generate', 'Init'])
  expect(run.code).toBe(2)
  expect(run.stderr.trim().split('\n')).toHaveLength(1)
  expect(run.stderr).toMatch(/migrations folder.*autogen\.migrationsDir/)
  expect(readdirSync(project.dir).filter((f) => f.includes('Init'))).toEqual([])
  expect(existsSync(project.file('data/app.sqlite'))).toBe(false)
})

it('refuses an invalid migration name and unknown arguments', async () => {
  await expectRefusal(['generate', 'not a name'], /not a valid class name/)
  await expectRefusal(['frobnicate'], /Unknown|command/i)
  await expectRefusal(['diff', '--format', 'yaml'], /^typeorm-autogen: --format yaml is not one of text, sql, json, markdown, github \(see --help\)$/)
  await expectRefusal(['check', '--fail-on', 'bogus'], /^typeorm-autogen: --fail-on bogus is not one of warning, danger \(see --help\)$/)
})

it('names the options given together that cannot be, as they are typed', async () => {
  await expectRefusal(['upgrade', '--to', 'Init', '--steps', '1'], /^typeorm-autogen: --to and --steps cannot be given together: pass one of them \(see --help\)$/)
})

it('refuses to generate while a migration is not applied, and says to upgrade', async () => {
  const first = await runCliInProcess(project.dir, ['generate', 'Init', '--timestamp', '1700000000000'])
  expect(first.code).toBe(0)
  const second = await runCliInProcess(project.dir, ['generate', 'Again'])
  expect(second.code).toBe(2)
  expect(second.stderr.trim()).toBe(
    'typeorm-autogen: 1 migration is not applied to the database yet (Init1700000000000): run `typeorm-autogen upgrade` first, or a new migration ' +
      'would repeat their changes; where the database has them already (made by synchronize or by hand), record them with `typeorm-autogen stamp Init1700000000000` instead',
  )
  expect(readdirSync(project.file('migrations')).filter((f) => f.endsWith('.ts'))).toEqual(['1700000000000-Init.ts'])
  const diff = await runCliInProcess(project.dir, ['diff'])
  expect(diff.code).toBe(0)
  expect(diff.stdout).toContain('1 migration is not applied to the database yet')
  expect(await (await runCliInProcess(project.dir, ['upgrade'])).code).toBe(0)
  expect(await (await runCliInProcess(project.dir, ['generate', 'Again'])).stdout).toContain('No changes')
})
