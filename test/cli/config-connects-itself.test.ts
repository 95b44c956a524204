import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'

// A config that connects its DataSource as it loads (Maintainerr's src/datasource-config.ts calls
// `datasource.initialize().then(...)` beside its export, for TypeORM's CLI) is connected with its own options by
// the time the runner connects it: the runner reconnects it with its own, and every command runs.

let project: TempProject
beforeEach(() => {
  project = tempProject({
    'ormconfig.ts': `import * as path from 'node:path'
import { DataSource } from 'typeorm'

const datasource = new DataSource({
  type: 'better-sqlite3',
  database: path.join(__dirname, 'app.sqlite'),
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
@Entity()
export class Rule {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
}
`,
  })
})
afterEach(() => project.remove())

it('generates, applies, lists, checks and reverts with a DataSource the config has connected', async () => {
  expect(await runCliInProcess(project.dir, ['generate', 'Init', '--timestamp', '1700000000000'])).toMatchObject({ code: 0 })
  const upgrade = await runCliInProcess(project.dir, ['upgrade'])
  expect(upgrade).toMatchObject({ code: 0 })
  expect(upgrade.stdout).toContain('Applied Init1700000000000')
  expect(await runCliInProcess(project.dir, ['status'])).toMatchObject({ code: 0, stdout: expect.stringContaining('[applied] Init1700000000000') })
  expect(await runCliInProcess(project.dir, ['check'])).toMatchObject({ code: 0 })
  const downgrade = await runCliInProcess(project.dir, ['downgrade'])
  expect(downgrade).toMatchObject({ code: 0 })
  expect(downgrade.stdout).toContain('Reverted Init1700000000000')
})
