import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'
import type { TempProject } from '../support/temp-project'
import { postgresUrl, scratchDatabasesOf, scratchProject, unusedDatabaseName } from '../support/scratch-project'

// TypeORM's MigrationExecutor before 0.3.20 released the query runner of getExecutedMigrations without
// awaiting the read: on PostgreSQL the runner joined the driver's connected runners once its connection came,
// released already, and destroying the DataSource looped on releasing it forever. check --from-migrations read
// the scratch database's applied migrations with TypeORM's executor before reverting them, and spun at 100%
// CPU (Jellyseerr, TypeORM 0.3.11), its scratch database never dropped. A preload gives TypeORM's executor
// that release.
const executorBefore0320 = `
const { MigrationExecutor } = require('typeorm')
MigrationExecutor.prototype.withQueryRunner = async function (callback) {
  const queryRunner = this.queryRunner || (this.dataSource ?? this.connection).createQueryRunner()
  try {
    return callback(queryRunner)
  } finally {
    if (!this.queryRunner) await queryRunner.release()
  }
}
`

let dev: TestDatabase
let project: TempProject
const target = unusedDatabaseName('oldexec')
beforeAll(async () => {
  dev = await createPostgresDatabase('oldexec')
  project = scratchProject()
  project.write('executor-before-0.3.20.js', executorBefore0320)
})
afterAll(async () => {
  project?.remove()
  await dev?.drop()
})

const cli = (args: readonly string[], database: string) => spawnSync(process.execPath, ['--require', project.file('executor-before-0.3.20.js'), join(__dirname, '../../bin/typeorm-autogen.js'), ...args], {
  cwd: project.dir, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL', env: { ...process.env, FORCE_COLOR: '0', DATABASE_URL: postgresUrl(database) },
})

it('check --from-migrations reverts the migrations and ends, dropping its scratch database', async () => {
  expect(cli(['generate', 'Init', '--timestamp', '1700000000000'], (dev.options as { database: string }).database).status).toBe(0)
  const run = cli(['check', '--from-migrations'], target)
  expect(run.stdout).toContain('OK: the migrations build the schema the entities declare.')
  expect(run.status).toBe(0)
  expect(await scratchDatabasesOf(target)).toEqual([])
}, 150_000)
