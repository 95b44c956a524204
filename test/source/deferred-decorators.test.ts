import { execFileSync } from 'node:child_process'
import { afterDatabaseLine, runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { type TestDatabase, createPostgresDatabase } from '../support/test-database'

// A decorator an app applies a turn of the event loop after its class is declared (Medusa's feature-flag
// columns apply theirs in a setImmediate; others in a setTimeout) is in the metadata TypeORM's initialize()
// builds once it has connected to the server: the tool reads the entities as the app runs them.

const flagged = `
import { Column, Entity, PrimaryColumn } from 'typeorm'
const later = (apply: () => void) => setImmediate(apply)
const afterTimer = (apply: () => void) => setTimeout(apply, 0)
function Deferred(decorator: PropertyDecorator, defer: (apply: () => void) => void): PropertyDecorator {
  return (target, key) => defer(() => decorator(target, key))
}
@Entity('region')
export class Region {
  @PrimaryColumn() id: string
  @Deferred(Column({ type: 'boolean', default: false }), later) includes_tax: boolean
  @Deferred(Column({ type: 'varchar', nullable: true }), afterTimer) sales_channel_id: string | null
}
`

let db: TestDatabase
let project: TempProject
beforeEach(async () => {
  db = await createPostgresDatabase('deferred')
  project = tempProject({
    'region.ts': flagged,
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'es2022', experimentalDecorators: true, emitDecoratorMetadata: true } }),
    'ormconfig.ts': `import { DataSource } from 'typeorm'
import { Region } from './region'
export default new DataSource({ ...${JSON.stringify(db.options)}, entities: [Region], migrations: ['migrations/*.ts'] })
`,
  })
})
afterEach(async () => {
  project.remove()
  await db.drop()
})

test('columns a deferred decorator declares are compared, as TypeORM creates them', async () => {
  const diff = await runCliInProcess(project.dir, ['diff'])
  expect(diff.code).toBe(0)
  expect(afterDatabaseLine(diff.stdout)).toContain('"includes_tax" boolean NOT NULL DEFAULT false')
  expect(afterDatabaseLine(diff.stdout)).toContain('"sales_channel_id" varchar,')
})

test('a database TypeORM synchronized from those entities is in sync', async () => {
  // In a process of its own, as the app runs it.
  project.write('synchronize.ts', `
import config from './ormconfig'
config.setOptions({ synchronize: true })
config.initialize().then(async () => {
  console.log(config.getMetadata('region').columns.map((c) => c.databaseName).join(','))
  await config.destroy()
})
`)
  const columns = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'synchronize.ts'], { cwd: project.dir, encoding: 'utf8' })
  expect(columns.trim()).toBe('id,sales_channel_id,includes_tax')
  const check = await runCliInProcess(project.dir, ['check'])
  expect(afterDatabaseLine(check.stdout)).toBe('OK: the database matches the entities.\n')
  expect(check.code).toBe(0)
})
