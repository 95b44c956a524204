import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'

// The config's DataSource is its default export, or the only DataSource it exports: one DataSource exported
// under two names (an alias kept for old imports) is that one; two different ones without a default are refused.

let project: TempProject
const dataSource = (name: string, file: string) =>
  `export const ${name} = new DataSource({ type: 'better-sqlite3', database: path.join(__dirname, '${file}'), entities: [] })`
const config = (...lines: string[]) => ["import { DataSource } from 'typeorm'", "import * as path from 'node:path'", ...lines].join('\n')

beforeEach(() => { project = tempProject() })
afterEach(() => project.remove())

it('takes one DataSource exported under two names', async () => {
  project.write('ormconfig.ts', config(dataSource('AppDataSource', 'app.sqlite'), 'export const dataSource = AppDataSource'))
  expect(await runCliInProcess(project.dir, ['status'])).toMatchObject({ code: 0, stderr: '' })
})

it('refuses two DataSources and no default, naming them', async () => {
  project.write('ormconfig.ts', config(dataSource('a', 'a.sqlite'), dataSource('b', 'b.sqlite')))
  expect(await runCliInProcess(project.dir, ['status'])).toMatchObject({
    code: 2, stderr: 'typeorm-autogen: ./ormconfig.ts exports several DataSources (a, b) and no default one: export the one to use as default\n',
  })
})
