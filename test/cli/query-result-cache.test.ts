import * as fs from 'node:fs'
import { loadProject } from '../../src/source/load-config'
import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'
import { noteEntity } from './note-project'

// The DataSource's `cache` option keeps TypeORM's query result cache in a table of the database (made by
// synchronize, or by TypeORM's migration:generate): TypeORM's own table, as the migrations table is, never dropped.

let project: TempProject
afterEach(() => project.remove())

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
