import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { runCliInProcess } from '../support/run-cli'
import type { TempProject } from '../support/temp-project'
import { editExampleApp, exampleAppDatabases, exampleAppProject } from '../support/example-app'
import type { TestDatabase } from '../support/test-database'

// The files `generate` writes for the repository's example application, on a real database of each dialect:
// first the migration that creates it all, then, once that is applied, the migration of an edit on top.
// What a reviewer reads is what these snapshots hold, so a change to rendering or compiling shows here.

describe.each(exampleAppDatabases)('the example application on %s', (_dialect, setup) => {
  let db: TestDatabase
  let env: Record<string, string>
  let migrationsFolder: string
  let project: TempProject
  beforeAll(async () => {
    ({ db, env, migrationsFolder } = await setup())
    project = exampleAppProject()
  })
  afterAll(async () => {
    project?.remove()
    await db?.drop()
  })
  const cli = (...args: string[]) => runCliInProcess(project.dir, args, env)
  const written = (fileName: string) => readFileSync(project.file(join('migrations', migrationsFolder, fileName)), 'utf8')

  it('gets this file for its entities on an empty database', async () => {
    const run = await cli('generate', 'Init', '--timestamp', '1700000000000')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(readdirSync(project.file(join('migrations', migrationsFolder)))).toContain('1700000000000-Init.ts')
    expect(written('1700000000000-Init.ts')).toMatchSnapshot()
  })

  it('gets this file for an edit on top, once the first is applied', async () => {
    expect((await cli('upgrade')).code).toBe(0)
    editExampleApp(project)
    const run = await cli('generate', 'Edit', '--timestamp', '1700000001000')
    expect(run.code).toBe(0)
    expect(written('1700000001000-Edit.ts')).toMatchSnapshot()
    expect((await cli('upgrade')).code).toBe(0)
    const check = await cli('check')
    expect(check.stdout + check.stderr).toContain('OK: the database matches the entities.')
  })
})
