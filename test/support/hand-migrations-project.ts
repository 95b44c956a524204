import { type CliRun, runCliInProcess } from './run-cli'
import { type TempProject, handMigrationsConfig, tempProject } from './temp-project'
import type { TestDatabase } from './test-database'

/**
 * handMigrationsProject registers, in the describe block that calls it, a temp project on a database made by
 * `createDatabase` whose config has no entities and runs the hand-written migrations among `files` (see
 * handMigrationsConfig, `ignoreTables` the tables they make); both removed after the block. Returns how to run the CLI there.
 */
export function handMigrationsProject(createDatabase: () => Promise<TestDatabase>, ignoreTables: readonly string[], files: Record<string, string>): (...args: string[]) => Promise<CliRun> {
  let db: TestDatabase | undefined
  let project: TempProject | undefined
  beforeAll(async () => {
    db = await createDatabase()
    project = tempProject({ 'ormconfig.ts': handMigrationsConfig(db.options, ignoreTables), ...files })
  })
  afterAll(async () => {
    project?.remove()
    await db?.drop()
  })
  return (...args) => runCliInProcess(project!.dir, args)
}
