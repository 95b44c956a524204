import { existsSync } from 'node:fs'
import { runCliInProcess } from '../support/run-cli'
import { createMariaDbDatabase, createPostgresDatabase, type TestDatabase } from '../support/test-database'
import type { TempProject } from '../support/temp-project'
import { mariadbScratchDatabasesOf, mariadbUrl, noteEntity, postgresUrl, scratchDatabasesOf, scratchProject, unusedDatabaseName } from '../support/scratch-project'

// check --from-migrations on a fresh copy of a project with no database prepared: the scratch database is
// built from the migrations folder, compared with the entities, and always removed.

const servers = {
  postgres: { create: createPostgresDatabase, url: postgresUrl, scratchDatabasesOf },
  mariadb: { create: createMariaDbDatabase, url: mariadbUrl, scratchDatabasesOf: mariadbScratchDatabasesOf },
}

describe.each(['sqlite', 'postgres', 'mariadb'] as const)('check --from-migrations on %s', (dialect) => {
  let project: TempProject
  let dev: TestDatabase | undefined
  const target = unusedDatabaseName('nodb')
  const server = dialect === 'sqlite' ? undefined : servers[dialect]
  // The developer's database, where generate runs; CI's target database is never created.
  const devEnv = () => (server ? { DATABASE_URL: server.url((dev!.options as { database: string }).database) } : { DATABASE_URL: '', SQLITE_FILE: 'dev/app.sqlite' })
  const ciEnv = () => ({ DATABASE_URL: server ? server.url(target) : '' })
  beforeAll(async () => {
    project = scratchProject()
    if (server) dev = await server.create('scratchdev')
  })
  afterAll(async () => {
    project.remove()
    await dev?.drop()
  })

  it('exits 0 in sync, 1 after an entity edit, 0 after generate, leaving no database behind', async () => {
    const generate = async (name: string, timestamp: string) => {
      expect((await runCliInProcess(project.dir, ['upgrade'], devEnv())).code).toBe(0)
      const run = await runCliInProcess(project.dir, ['generate', name, '--timestamp', timestamp], devEnv())
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
    }
    await generate('Init', '1700000000000')
    const check = () => runCliInProcess(project.dir, ['check', '--from-migrations'], ciEnv())

    const clean = await check()
    expect(clean.stderr).toBe('')
    expect(clean.stdout).toMatch(/^Database: \S+ \S+ \(scratch, built from migrations\)\nOK: the migrations build the schema the entities declare.\n$/)
    expect(clean.code).toBe(0)

    project.write('note.ts', noteEntity('@Column({ nullable: true }) title: string'))
    const missing = await check()
    expect(missing.stderr).toContain('A migration is missing: the entities differ from the schema the migrations build.')
    expect(missing.stdout).toContain('+ column "title"')
    expect(missing.code).toBe(1)

    await generate('AddTitle', '1700000000001')
    expect((await check()).code).toBe(0)

    if (server) expect(await server.scratchDatabasesOf(target)).toEqual([])
    else expect(existsSync(project.file('data'))).toBe(false)
  }, 240_000)
})
