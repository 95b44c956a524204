import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { resolve } from 'node:path'
import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// An enum label renamed, stated by `@RenamedLabel` from `typeorm-autogen/decorators` or by `--rename`, through
// the CLI: generate writes RENAME VALUE, upgrade keeps the rows under the new label, downgrade gives them back.

const task = (labels: string, decorator = '') => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { RenamedLabel } from 'typeorm-autogen/decorators'
void RenamedLabel
@Entity('task')
export class Task {
  @PrimaryGeneratedColumn() id: number
  ${decorator} @Column({ type: 'enum', enum: [${labels}] }) status: string
}
`

let db: TestDatabase
let project: TempProject
beforeAll(async () => {
  db = await createPostgresDatabase('labelcli')
  project = tempProject({
    'entities/task.ts': task(`'pending', 'done'`),
    'ormconfig.ts': [
      "import { DataSource } from 'typeorm'",
      "import { Task } from './entities/task'",
      `export default new DataSource({ ...${JSON.stringify(db.options)}, entities: [Task], migrations: ['migrations/*.ts'] })`,
    ].join('\n'),
  })
  mkdirSync(project.file('entities/node_modules'))
  symlinkSync(resolve(__dirname, '../..'), project.file('entities/node_modules/typeorm-autogen'), 'dir')
  expect((await runCliInProcess(project.dir, ['generate', 'Init', '--timestamp', '1700000000000'])).code).toBe(0)
  expect((await runCliInProcess(project.dir, ['upgrade'])).code).toBe(0)
  await db.query(`INSERT INTO task (status) VALUES ('pending'), ('done'), ('pending')`)
})
afterAll(async () => {
  project?.remove()
  await db?.drop()
})

const statuses = async () => (await db.query<{ status: string }>('SELECT status::text AS status FROM task ORDER BY id')).map((r) => r.status)

it('stops nothing without a statement, and names the statement in the hazard', async () => {
  project.write('entities/task.ts', task(`'queued', 'done'`))
  const run = await runCliInProcess(project.dir, ['diff'])
  expect(run.stdout).toContain(`or --rename task.status:pending=queued`)
})

it('renames the label stated by @RenamedLabel, and back on downgrade', async () => {
  project.write('entities/task.ts', task(`'queued', 'done'`, `@RenamedLabel('pending', 'queued')`))
  const run = await runCliInProcess(project.dir, ['generate', 'Queued', '--timestamp', '1700000001000'])
  expect(run.code).toBe(0)
  const file = readdirSync(project.file('migrations')).find((f) => f.endsWith('-Queued.ts'))!
  expect(readFileSync(project.file(`migrations/${file}`), 'utf8')).toContain(`ALTER TYPE "public"."task_status_enum" RENAME VALUE 'pending' TO 'queued'`)
  expect((await runCliInProcess(project.dir, ['upgrade'])).code).toBe(0)
  expect(await statuses()).toEqual(['queued', 'done', 'queued'])
  expect((await runCliInProcess(project.dir, ['check'])).code).toBe(0)
  expect((await runCliInProcess(project.dir, ['downgrade'])).code).toBe(0)
  expect(await statuses()).toEqual(['pending', 'done', 'pending'])
})

it('renames the label stated by --rename in the SQL diff prints', async () => {
  project.write('entities/task.ts', task(`'queued', 'done'`))
  const run = await runCliInProcess(project.dir, ['diff', '--format', 'sql', '--rename', 'task.status:pending=queued'])
  expect(run.code).toBe(0)
  expect(run.stdout).toContain(`ALTER TYPE "public"."task_status_enum" RENAME VALUE 'pending' TO 'queued'`)
  expect((await runCliInProcess(project.dir, ['check', '--rename', 'task.status:waiting=queued'])).stderr)
    .toContain(`--rename task.status:waiting=queued does not apply: the database's column "task"."status" has no label 'waiting'`)
})
