import * as fs from 'node:fs'
import { DataSource, EntitySchema } from 'typeorm'
import { loadProject } from '../../src/source/load-config'
import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'
import { allDialects, createPostgresDatabase, inQuotesOf, type TestDatabase } from '../support/test-database'
import { noteEntity } from './note-project'

// The DataSource's `cache` option keeps TypeORM's query result cache in a table of the database: TypeORM's own
// table, as the migrations table is, never diffed nor dropped; where the database lacks it, generate writes it as
// TypeORM's synchronize and migration:generate make it, and the down drops it.

let project: TempProject
afterEach(() => project?.remove())

async function synchronizedProject(cache: string): Promise<void> {
  project = tempProject({ 'note.ts': noteEntity('@Column() text: string') })
  project.write('ormconfig.ts', sqliteConfig({ imports: "import { Note } from './note'", entities: '[Note]', options: `cache: ${cache},` }))
  fs.mkdirSync(project.file('data'))
  // TypeORM's synchronize makes the note table and the cache table, as an application with synchronize on would.
  const { dataSource } = await loadProject(project.file('ormconfig.ts'))
  await dataSource.initialize()
  await dataSource.synchronize()
  await dataSource.destroy()
}

describe("TypeORM's query result cache table", () => {
  it.each([
    ['cache: true', 'true', 'query-result-cache'],
    ['a cache tableName', "{ type: 'database', tableName: 'app_cache' }", 'app_cache'],
  ])('is left alone with %s', async (_label, cache, table) => {
    await synchronizedProject(cache)
    const Database = (await import('better-sqlite3')).default
    const db = new Database(project.file('data/app.sqlite'), { readonly: true })
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)).toBeDefined()
    db.close()

    const check = await runCliInProcess(project.dir, ['check'])
    expect(check.stdout).toContain('OK: the database matches the entities.')
    expect(check.code).toBe(0)
  })
})

const note = { name: 'Note', tableName: 'note', columns: { id: { type: 'integer', primary: true, generated: 'increment' }, text: { type: 'varchar', length: 100 } } }

const dataSourceOptions = (db: TestDatabase, cache: object | boolean) => ({ ...db.options, cache, logging: false })

const config = (db: TestDatabase, cache: object | boolean) => [
  "import { DataSource, EntitySchema } from 'typeorm'",
  `export default new DataSource({ ...${JSON.stringify(dataSourceOptions(db, cache))}, entities: [new EntitySchema(${JSON.stringify(note)})], migrations: ['migrations/*.ts'] })`,
].join('\n')

/** withDataSource runs `body` with an initialized DataSource over `db` with `cache`, as the application has it. */
async function withDataSource<T>(db: TestDatabase, cache: object | boolean, body: (dataSource: DataSource) => Promise<T>, synchronize = false): Promise<T> {
  const dataSource = new DataSource({ ...dataSourceOptions(db, cache), entities: [new EntitySchema(note as never)], synchronize } as never)
  await dataSource.initialize()
  try {
    return await body(dataSource)
  } finally {
    await dataSource.destroy()
  }
}

/** tableShape is how the database describes `table`: its SQL on SQLite, its columns and primary key elsewhere. */
async function tableShape(db: TestDatabase, table: string): Promise<unknown> {
  if (db.label === 'sqlite') return db.query(`SELECT sql FROM sqlite_master WHERE name = '${table}'`)
  if (db.label === 'mariadb') return db.query(`SHOW CREATE TABLE \`${table}\``)
  return {
    columns: await db.query(`SELECT column_name, data_type, character_maximum_length, is_nullable, column_default FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`),
    primaryKey: await db.query(`SELECT constraint_name FROM information_schema.table_constraints WHERE table_name = '${table}' AND constraint_type = 'PRIMARY KEY'`),
  }
}

const tableCount = async (db: TestDatabase, table: string) => (await db.query(db.label === 'sqlite'
  ? `SELECT name FROM sqlite_master WHERE type = 'table' AND name = '${table}'`
  : `SELECT table_name FROM information_schema.tables WHERE table_name = '${table}' AND table_schema = ${db.label === 'mariadb' ? 'DATABASE()' : 'current_schema()'}`)).length

describe.each(allDialects('query_result_cache'))('the query result cache table on %s', (_label, createDatabase) => {
  const databases: TestDatabase[] = []
  const database = async () => {
    const db = await createDatabase()
    databases.push(db)
    return db
  }
  afterEach(async () => {
    for (const db of databases.splice(0)) await db.drop()
  })
  const cli = (...args: string[]) => runCliInProcess(project.dir, args)

  it.each([
    ['cache: true', true, 'query-result-cache'],
    ['a cache tableName', { type: 'database', tableName: 'my_cache' }, 'my_cache'],
  ])('is written where the database lacks it, with %s, as TypeORM makes it, and dropped in the down', async (_case, cache, table) => {
    const db = await database()
    project = tempProject({ 'ormconfig.ts': config(db, cache) })
    const init = await cli('generate', 'Init', '--timestamp', '1700000000000')
    expect(init.code).toBe(0)
    const source = fs.readFileSync(project.file('migrations/1700000000000-Init.ts'), 'utf8')
    expect(source).toContain(`+ table ${db.label === 'postgres' ? '"public".' : ''}"${table}" (6 columns)`)
    expect(source).toMatch(new RegExp(`DROP TABLE [^\\n]*${table}`))
    expect((await cli('upgrade')).code).toBe(0)

    // The table TypeORM's synchronize makes, in a database of its own.
    const synchronized = await database()
    await withDataSource(synchronized, cache, async () => undefined, true)
    expect(await tableShape(db, table)).toEqual(await tableShape(synchronized, table))

    // TypeORM stores a query's result there, and reads it back: the row inserted in between is not seen.
    const found = await withDataSource(db, cache, async (dataSource) => {
      const notes = dataSource.getRepository('Note')
      await notes.insert({ text: 'first' })
      const first = await notes.find({ cache: 60_000 })
      await notes.insert({ text: 'second' })
      return [first, await notes.find({ cache: 60_000 })]
    })
    expect(found[1]).toEqual(found[0])
    expect(found[1]).toHaveLength(1)
    expect(await db.query(inQuotesOf(db.label, `SELECT "id" FROM "${table}"`))).toHaveLength(1)

    const check = await cli('check')
    expect(check.stdout).toContain('OK: the database matches the entities.')
    expect(check.code).toBe(0)
    expect((await cli('downgrade')).code).toBe(0)
    expect(await tableCount(db, table)).toBe(0)
  })

  it('is not written where TypeORM made it already', async () => {
    const db = await database()
    await withDataSource(db, true, async () => undefined, true)
    project = tempProject({ 'ormconfig.ts': config(db, true) })
    const generate = await cli('generate', 'Init')
    expect(generate.stdout).toContain('No changes: the database matches the entities.')
    expect(generate.code).toBe(0)
    expect(fs.existsSync(project.file('migrations')) ? fs.readdirSync(project.file('migrations')) : []).toEqual([])
  })
})

describe('the query result cache table of a DataSource with a schema', () => {
  let db: TestDatabase
  afterEach(async () => db?.drop())

  it('is written in that schema', async () => {
    db = await createPostgresDatabase('query_result_cache_schema')
    const inSchema = { ...db, options: { ...db.options, schema: 'app' } } as TestDatabase
    project = tempProject({ 'ormconfig.ts': config(inSchema, true) })
    const init = await runCliInProcess(project.dir, ['generate', 'Init'])
    expect(init.code).toBe(0)
    expect((await runCliInProcess(project.dir, ['upgrade'])).code).toBe(0)
    expect(await db.query(`SELECT table_schema FROM information_schema.tables WHERE table_name = 'query-result-cache'`)).toEqual([{ table_schema: 'app' }])
    const found = await withDataSource(inSchema, true, async (dataSource) => {
      await dataSource.getRepository('Note').insert({ text: 'first' })
      return dataSource.getRepository('Note').find({ cache: 60_000 })
    })
    expect(found).toHaveLength(1)
    expect(await db.query('SELECT id FROM app."query-result-cache"')).toHaveLength(1)
    expect((await runCliInProcess(project.dir, ['check'])).code).toBe(0)
  })
})

describe('a query result cache table whose cache option is removed', () => {
  it('is left alone', async () => {
    await synchronizedProject('true')
    project.write('ormconfig.ts', sqliteConfig({ imports: "import { Note } from './note'", entities: '[Note]' }))
    const check = await runCliInProcess(project.dir, ['check'])
    expect(check.stdout).toContain('OK: the database matches the entities.')
    expect(check.code).toBe(0)
  })
})

describe('a query result cache table autogen.ignoreTables names', () => {
  it('is not written', async () => {
    project = tempProject({ 'note.ts': noteEntity('@Column() text: string') })
    project.write('ormconfig.ts', sqliteConfig({
      imports: "import { Note } from './note'", entities: '[Note]', options: "cache: { tableName: 'my_cache' },", extra: "export const autogen = { ignoreTables: ['my_cache'] }",
    }))
    const init = await runCliInProcess(project.dir, ['generate', 'Init', '--dry-run'])
    expect(init.code).toBe(0)
    expect(init.stdout).toContain('+ table "note"')
    expect(init.stdout).not.toContain('my_cache')
  })
})
