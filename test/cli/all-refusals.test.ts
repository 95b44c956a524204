import { existsSync, readdirSync } from 'node:fs'
import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// Several refusals of one kind in one run: the CLI prints them all on its one line, numbered, exits 2 as for
// one, and writes no file, so that the user fixes them all before running again.

const clips = `
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
@Entity()
@Index('clip_start', ['start'])
@Index('clip_start', ['start', 'id'])
export class Clip {
  @PrimaryGeneratedColumn() id: number
  @Column() start: number
}
@Entity()
@Index('take_end', ['end'])
@Index('take_end', ['end', 'id'])
export class Take {
  @PrimaryGeneratedColumn() id: number
  @Column() end: number
}
`

let project: TempProject
afterEach(() => project.remove())

it('prints every refusal of a run on its one line, exits 2 and writes nothing', async () => {
  project = tempProject({ 'src/entity/clips.ts': clips, 'ormconfig.ts': sqliteConfig({ entities: "['src/entity/*.ts']", options: "migrations: ['migrations/*.ts']," }) })
  const run = await runCliInProcess(project.dir, ['generate', 'Init'])
  expect(run.code).toBe(2)
  expect(run.stderr).toMatch(/^typeorm-autogen: 2 problems stop this run, fix each: \(1\) index "clip_start" on table clip is declared twice, .*; \(2\) index "take_end" on table take is declared twice, [^\n]*\n$/)
  expect(existsSync(project.file('migrations')) ? readdirSync(project.file('migrations')) : []).toEqual([])
})
