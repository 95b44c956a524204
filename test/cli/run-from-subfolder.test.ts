import * as fs from 'node:fs'
import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// Run from a subfolder of the project (src/), the default ./ormconfig.ts is not there: the line said only
// `pass -c/--config FILE`, and `-c ../ormconfig.ts` reads the DataSource's relative paths and globs against the
// subfolder, as TypeORM does (no entities, a new SQLite file there). It now names the folder to run from.

let project: TempProject
beforeAll(() => {
  project = tempProject({
    'package.json': '{ "name": "app", "private": true }\n',
    'ormconfig.ts': sqliteConfig({ entities: '[]', options: "migrations: ['migrations/*.ts']," }),
    'src/entities/.keep': '',
  })
})
afterAll(() => project.remove())

it.each(['status', 'check', 'upgrade'])('%s run from a subfolder names the folder that holds the config, and changes nothing', async (command) => {
  const run = await runCliInProcess(project.file('src/entities'), [command])
  expect(run).toEqual({
    code: 2,
    stdout: '',
    stderr: `typeorm-autogen: config file ./ormconfig.ts not found here, but in ${project.dir}: run from that folder (cd ${project.dir}), ` +
      "against which the DataSource's relative paths and globs are read\n",
  })
  expect(fs.readdirSync(project.file('src/entities'))).toEqual(['.keep'])
})

it('outside any project, the line stays as it was', async () => {
  const elsewhere = tempProject()
  try {
    expect((await runCliInProcess(elsewhere.dir, ['status'])).stderr).toBe('typeorm-autogen: config file ./ormconfig.ts not found: pass -c/--config FILE\n')
  } finally {
    elsewhere.remove()
  }
})
