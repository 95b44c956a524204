import { existsSync, readdirSync } from 'node:fs'
import { runCliInProcess, afterDatabaseLine } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// An entities glob that matches nothing (a folder renamed) must not read as "drop every table": with tables in
// the database, generate, diff and check stop with one line naming the option; with an empty database
// there is simply nothing to do.

const note = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column() text: string
}
`
const configWith = (entities: string) => sqliteConfig({ entities, options: "migrations: ['migrations/*.ts']," })
const typo = configWith("['src/entity/*.ts']")

let project: TempProject
beforeEach(() => {
  project = tempProject({ 'src/entities/note.ts': note })
})
afterEach(() => project.remove())

const cli = (...args: string[]) => runCliInProcess(project.dir, args)
const migrationFiles = () =>
  existsSync(project.file('migrations')) ? readdirSync(project.file('migrations')).filter((f) => f.endsWith('.ts')) : []

it('stops generate, diff and check when no entity loads and the database has tables', async () => {
  project.write('ormconfig.ts', configWith("['src/entities/*.ts']"))
  expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
  expect((await cli('upgrade')).code).toBe(0)
  project.write('ormconfig.ts', typo)

  for (const args of [['generate', 'DropAll', '--timestamp', '1700000001000'], ['diff'], ['diff', '--format', 'sql'], ['check']]) {
    const run = await cli(...args)
    expect({ args, code: run.code }).toEqual({ args, code: 2 })
    expect(afterDatabaseLine(run.stdout)).toBe('')
    expect(afterDatabaseLine(run.stderr)).toBe(
      `typeorm-autogen: no entity was loaded from the DataSource's entities option ["src/entity/*.ts"], but the database has 1 table: fix the entities option (globs resolve against ${project.dir}), or add the tables to autogen.ignoreTables\n`,
    )
  }
  expect(migrationFiles()).toEqual(['1700000000000-Init.ts'])
})

it('stays "no changes" with an empty database and no entities', async () => {
  project.write('ormconfig.ts', typo)
  const generate = await cli('generate', 'Nothing')
  expect(generate.code).toBe(0)
  expect(generate.stdout).toContain('No changes')
  expect((await cli('check')).code).toBe(0)
  expect(migrationFiles()).toEqual([])
})
