import * as fs from 'node:fs'
import * as path from 'node:path'
import { loadProject } from '../../src/source/load-config'
import { folderOfGlob, resolveMigrationsDir } from '../../src/source/migrations-dir'
import { UserError } from '../../src/source/user-error'
import { sqliteConfig } from '../support/temp-project'
import { tempProjectsRemovedAfterEach } from './helpers/temp-projects'

const entity = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('things')
export class Thing {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
}
`

const project = tempProjectsRemovedAfterEach()

async function userErrorOf(work: Promise<unknown>): Promise<UserError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(UserError)
  const message = (err as UserError).message
  expect(message).not.toContain('\n')
  return err as UserError
}

describe('loadProject picks the DataSource', () => {
  test('the default export of a .ts config, without touching the database', async () => {
    const p = project({ 'entities/thing.ts': entity, 'ormconfig.ts': sqliteConfig({ imports: "import { Thing } from './entities/thing'", entities: '[Thing]' }) })
    const loaded = await loadProject(p.file('ormconfig.ts'))
    expect(loaded.configPath).toBe(p.file('ormconfig.ts'))
    expect(loaded.dataSource.isInitialized).toBe(false)
    expect(loaded.dataSource.options.type).toBe('better-sqlite3')
    expect(loaded.settings).toEqual({})
    expect(fs.existsSync(p.file('data'))).toBe(false)
  })

  test('the only named DataSource, and the autogen settings next to it', async () => {
    const p = project({
      'ormconfig.ts': `
import { DataSource } from 'typeorm'
export const helper = 42
export const appDataSource = new DataSource({ type: 'better-sqlite3', database: ${JSON.stringify('x.sqlite')}, synchronize: true, migrationsRun: true, dropSchema: true })
export const autogen = { migrationsDir: 'db/migrations', ignoreTables: ['sessions'] }
`,
    })
    const loaded = await loadProject(p.file('ormconfig.ts'))
    expect(loaded.settings).toEqual({ migrationsDir: 'db/migrations', ignoreTables: ['sessions'] })
    expect(loaded.migrationsDir).toBe(path.resolve(process.cwd(), 'db/migrations'))
    expect(loaded.dataSource.options).toMatchObject({ synchronize: false, migrationsRun: false, dropSchema: false })
  })

  test('an exported Promise of a DataSource is awaited', async () => {
    const p = project({
      'ormconfig.ts': `
import { DataSource } from 'typeorm'
async function make() { return new DataSource({ type: 'better-sqlite3', database: 'p.sqlite' }) }
export const dataSource = make()
`,
    })
    const loaded = await loadProject(p.file('ormconfig.ts'))
    expect(loaded.dataSource.options.database).toBe('p.sqlite')
  })

  test('the default export wins over other DataSources', async () => {
    const p = project({
      'ormconfig.ts': `
import { DataSource } from 'typeorm'
export const other = new DataSource({ type: 'better-sqlite3', database: 'other.sqlite' })
export default Promise.resolve(new DataSource({ type: 'better-sqlite3', database: 'main.sqlite' }))
`,
    })
    expect((await loadProject(p.file('ormconfig.ts'))).dataSource.options.database).toBe('main.sqlite')
  })

  test('a CommonJS .js config exporting the DataSource itself', async () => {
    const p = project({
      'ormconfig.js': `
const { DataSource } = require('typeorm')
module.exports = new DataSource({ type: 'better-sqlite3', database: 'cjs.sqlite', migrations: ['src/db/migrations/*.js'] })
`,
    })
    const loaded = await loadProject(p.file('ormconfig.js'))
    expect(loaded.dataSource.options.database).toBe('cjs.sqlite')
    expect(loaded.migrationsDir).toBe(path.resolve(process.cwd(), 'src/db/migrations'))
  })

  test('a CommonJS .js config exporting the DataSource itself with autogen settings on it', async () => {
    const p = project({
      'ormconfig.js': `
const { DataSource } = require('typeorm')
module.exports = new DataSource({ type: 'better-sqlite3', database: 'cjs.sqlite', migrations: ['src/**/migrations/*.js'] })
module.exports.autogen = { migrationsDir: 'src/migrations', ignoreTables: ['a'] }
`,
    })
    const loaded = await loadProject(p.file('ormconfig.js'))
    expect(loaded.settings).toEqual({ migrationsDir: 'src/migrations', ignoreTables: ['a'] })
    expect(loaded.migrationsDir).toBe(path.resolve(process.cwd(), 'src/migrations'))
  })

  test('a CommonJS .js config exporting an object with autogen settings', async () => {
    const p = project({
      'ormconfig.js': `
const { DataSource } = require('typeorm')
module.exports = { dataSource: new DataSource({ type: 'better-sqlite3', database: 'cjs.sqlite' }), autogen: { ignoreTables: ['a'] } }
`,
    })
    const loaded = await loadProject(p.file('ormconfig.js'))
    expect(loaded.settings.ignoreTables).toEqual(['a'])
    expect(loaded.migrationsDir).toBe(path.resolve(process.cwd(), 'migrations'))
  })
})

describe('loadProject fails with one-line UserErrors', () => {
  test('a missing config file', async () => {
    const err = await userErrorOf(loadProject('./no-such-config.ts'))
    expect(err.message).toBe('config file ./no-such-config.ts not found: pass -c/--config FILE')
  })

  test('a missing config file, where the folder has a usual one: named with its -c', async () => {
    const p = project({ 'src/data-source.ts': 'export {}\n', 'ormconfig.js': 'module.exports = {}\n' })
    const cwd = process.cwd()
    process.chdir(p.dir)
    try {
      const err = await userErrorOf(loadProject('./ormconfig.ts'))
      expect(err.message).toBe('config file ./ormconfig.ts not found: pass -c/--config FILE (this folder has -c src/data-source.ts, -c ormconfig.js)')
    } finally {
      process.chdir(cwd)
    }
  })

  test('a config that throws while loading keeps the original message', async () => {
    const p = project({ 'ormconfig.ts': "throw new Error('DATABASE_URL is not set\\nsecond line')\nexport {}\n" })
    const err = await userErrorOf(loadProject(p.file('ormconfig.ts')))
    expect(err.message).toContain('failed to load: DATABASE_URL is not set')
    expect(err.cause).toBeInstanceOf(Error)
  })

  test('a config that imports a missing module', async () => {
    const p = project({ 'ormconfig.ts': "import './missing-entities'\nexport {}\n" })
    const err = await userErrorOf(loadProject(p.file('ormconfig.ts')))
    expect(err.message).toMatch(/failed to load: .*missing-entities/)
  })

  test('a config without a DataSource', async () => {
    const p = project({ 'ormconfig.ts': 'export const options = { type: "better-sqlite3" }\n' })
    const err = await userErrorOf(loadProject(p.file('ormconfig.ts')))
    expect(err.message).toMatch(/exports no TypeORM DataSource: add `export default new DataSource/)
  })

  test('several DataSources and no default', async () => {
    const p = project({
      'ormconfig.ts': `
import { DataSource } from 'typeorm'
export const a = new DataSource({ type: 'better-sqlite3', database: 'a.sqlite' })
export const b = new DataSource({ type: 'better-sqlite3', database: 'b.sqlite' })
`,
    })
    const err = await userErrorOf(loadProject(p.file('ormconfig.ts')))
    expect(err.message).toMatch(/exports several DataSources \(a, b\) and no default one/)
  })

  test('autogen settings of the wrong shape', async () => {
    const p = project({
      'ormconfig.ts': `
import { DataSource } from 'typeorm'
export default new DataSource({ type: 'better-sqlite3', database: 'a.sqlite' })
export const autogen = { ignoreTables: 'sessions' }
`,
    })
    const err = await userErrorOf(loadProject(p.file('ormconfig.ts')))
    expect(err.message).toMatch(/autogen.ignoreTables in .* must be an array of table names/)
  })
})

describe('migrationsDir', () => {
  const cwd = '/work/app'
  const dataSourceWith = (migrations: unknown) => ({ options: { migrations } }) as never

  test('autogen.migrationsDir comes first', () => {
    expect(resolveMigrationsDir(dataSourceWith(['x/*.ts']), { migrationsDir: 'db/m' }, cwd)).toBe('/work/app/db/m')
  })
  test('else the folder of the first string migrations entry, before any glob character', () => {
    class Init {}
    expect(resolveMigrationsDir(dataSourceWith([Init, 'migrations/*.ts', 'other/*.ts']), {}, cwd)).toBe('/work/app/migrations')
    expect(resolveMigrationsDir(dataSourceWith({ a: 'src/db/**/*{.ts,.js}' }), {}, cwd)).toBe('/work/app/src/db')
    expect(resolveMigrationsDir(dataSourceWith(['/abs/migrations/*.js']), {}, cwd)).toBe('/abs/migrations')
  })
  test('else ./migrations', () => {
    expect(resolveMigrationsDir(dataSourceWith(undefined), {}, cwd)).toBe('/work/app/migrations')
    expect(resolveMigrationsDir(dataSourceWith([class Init {}]), {}, cwd)).toBe('/work/app/migrations')
  })
  test('folderOfGlob', () => {
    expect(folderOfGlob('migrations/*.ts')).toBe('migrations')
    expect(folderOfGlob('./db/migrations/Init*.ts')).toBe('./db/migrations')
    expect(folderOfGlob('dist/migrations/1700000000000-Init.js')).toBe('dist/migrations')
    expect(folderOfGlob('*.ts')).toBe('.')
    expect(folderOfGlob('src\\migrations\\*.ts')).toBe('src/migrations')
  })
})
