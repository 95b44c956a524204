import { runBuiltCli } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { type TestDatabase, allDialects } from '../support/test-database'

// A config that connects its DataSource as it loads (Maintainerr's src/datasource-config.ts calls
// `datasource.initialize().then(...)` beside its export, for TypeORM's CLI): the tool waits for that connection
// and closes it, then connects as each command does. Before, the runner's own connection failed ("already
// connected") on SQLite, and raced the config's on a server.

describe.each(allDialects('selfconnect'))('%s: a config that connects its DataSource as it loads', (_label, createDatabase) => {
  let db: TestDatabase
  let project: TempProject
  beforeEach(async () => {
    db = await createDatabase()
    project = tempProject({
      'ormconfig.ts': `import * as path from 'node:path'
import { DataSource } from 'typeorm'

const datasource = new DataSource({
  ...${JSON.stringify(db.options)},
  entities: [path.join(__dirname, 'entities/*.ts')],
  migrations: [path.join(__dirname, 'migrations/*.ts')],
})

datasource
  .initialize()
  .then(() => console.log('Data Source has been initialized'))
  .catch((error) => console.error('Data Source initialization error', error))

export default datasource
`,
      'entities/rule.ts': `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('selfconnect_rule')
export class Rule {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 40 }) name: string
}
`,
    })
  }, 60_000)
  afterEach(async () => {
    project.remove()
    await db.drop()
  })

  it('generates, applies, lists, checks and reverts', async () => {
    expect(runBuiltCli(project.dir, ['generate', 'Init', '--timestamp', '1700000000000'])).toMatchObject({ code: 0 })
    const upgrade = runBuiltCli(project.dir, ['upgrade'])
    expect(upgrade).toMatchObject({ code: 0, stdout: expect.stringContaining('Applied Init1700000000000') })
    expect(runBuiltCli(project.dir, ['status'])).toMatchObject({ code: 0, stdout: expect.stringContaining('[applied] Init1700000000000') })
    expect(runBuiltCli(project.dir, ['check'])).toMatchObject({ code: 0 })
    const downgrade = runBuiltCli(project.dir, ['downgrade'])
    expect(downgrade).toMatchObject({ code: 0, stdout: expect.stringContaining('Reverted Init1700000000000') })
    for (const run of [upgrade, downgrade]) expect(run.stdout + run.stderr).not.toContain('initialization error')
  }, 60_000)
})
