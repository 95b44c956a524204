import { packagesLoaded } from '../support/packages-loaded'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'
import { type TempProject, tempProject } from '../support/temp-project'

// A command loads only what it needs: the packages a run required are recorded by a preload in its process.

const heavy = ['typeorm', 'pg', 'better-sqlite3', 'typescript', '@swc/core']
let project: TempProject
afterEach(() => project.remove())

const entityJs = `const { EntitySchema } = require('typeorm')
module.exports = new EntitySchema({ name: 'thing', columns: { id: { type: Number, primary: true, generated: true }, name: { type: String } } })
`
const entityTs = `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('thing')
export class Thing {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
}
`

test.each([['--version'], ['--help'], ['check', '--help']])('%s loads no TypeORM, database driver or compiler', (...args) => {
  project = tempProject()
  const run = packagesLoaded(project, args)
  expect(run.code).toBe(0)
  expect(run.packages.filter((p) => heavy.includes(p))).toEqual([])
})

test('--version prints the version of package.json and loads no package at all, not even yargs', () => {
  project = tempProject()
  const run = packagesLoaded(project, ['--version'])
  expect(run.code).toBe(0)
  expect(run.stdout).toBe(`${(require('../../package.json') as { version: string }).version}\n`)
  expect(run.packages).toEqual([])
})

test('a SQLite project with a .js config loads no transpiler, not pg and no other dialect\'s code', () => {
  project = tempProject({
    'ormconfig.js': `const { DataSource } = require('typeorm')
module.exports = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [require('./thing.js')] })
`,
    'thing.js': entityJs,
  })
  const run = packagesLoaded(project, ['diff', '-c', 'ormconfig.js'])
  expect(run.stdout).toContain('CREATE TABLE "thing"')
  expect(run.packages).toContain('better-sqlite3')
  expect(run.packages.filter((p) => ['pg', 'typescript', '@swc/core', 'diff'].includes(p))).toEqual([])
  expect(run.dialects).toEqual(['sqlite'])
  // The markdown report, alone, loads the text-diff package.
  expect(packagesLoaded(project, ['diff', '-c', 'ormconfig.js', '--format', 'markdown']).packages).toContain('diff')
})

describe('a PostgreSQL project', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createPostgresDatabase('lazy')
  })
  afterAll(() => database.drop())

  test('with .ts files loads SWC and pg, and not better-sqlite3 nor another dialect\'s code', () => {
    const options = database.options as { database: string }
    project = tempProject({
      'ormconfig.ts': `import { DataSource } from 'typeorm'
import { Thing } from './thing'
export default new DataSource({ type: 'postgres', host: '127.0.0.1', port: 5432, username: 'postgres', database: '${options.database}', entities: [Thing] })
`,
      'thing.ts': entityTs,
    })
    const run = packagesLoaded(project, ['check', '-c', 'ormconfig.ts'])
    expect(run.code).toBe(1)
    expect(run.packages).toEqual(expect.arrayContaining(['pg', '@swc/core']))
    expect(run.packages).not.toContain('better-sqlite3')
    expect(run.dialects).toEqual(['postgres'])
  })
})

