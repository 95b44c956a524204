import { runCliInProcess } from '../support/run-cli'
import { tempProject, type TempProject } from '../support/temp-project'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A PostgreSQL DataSource with a `schema` keeps TypeORM's migrations table in that schema, which the first
// migration creates: the runner creates the schema before the table, and that migration's down leaves the
// schema to the table. Every command that runs migrations works on a database without the schema, the
// scratch database of `check --from-migrations` among them.

let db: TestDatabase
let project: TempProject
beforeEach(async () => {
  db = await createPostgresDatabase('dsschema')
  project = tempProject({
    'ormconfig.ts': [
      "import { DataSource } from 'typeorm'",
      `export default new DataSource({ ...${JSON.stringify(db.options)}, schema: 'app', entities: ['entities/*.ts'], migrations: ['migrations/*.ts'] })`,
    ].join('\n'),
    'entities/account.ts': [
      "import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'",
      "@Entity() export class Account { @PrimaryGeneratedColumn() id: number; @Column() name: string }",
    ].join('\n'),
  })
})
afterEach(async () => {
  project?.remove()
  await db?.drop()
})

const cli = (...args: string[]) => runCliInProcess(project.dir, args)
const schemas = async () => (await db.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname = 'app'`)).map((r) => r.nspname)

it('runs, checks and reverts the migration that creates the schema its migrations table lives in', async () => {
  expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
  const script = await cli('upgrade', '--sql')
  expect(script.code).toBe(0)
  expect(script.stdout.split('\n').filter((line) => /^CREATE (SCHEMA|TABLE)/.test(line)).map((line) => line.split(' (')[0])).toEqual([
    'CREATE SCHEMA IF NOT EXISTS "app";',
    'CREATE TABLE "app"."migrations"',
    'CREATE SCHEMA IF NOT EXISTS "app";',
    'CREATE TABLE "app"."account"',
  ])
  expect((await cli('upgrade', '--dry-run')).code).toBe(0)
  expect(await schemas()).toEqual([])
  expect((await cli('check', '--from-migrations')).code).toBe(0)
  expect((await cli('upgrade')).code).toBe(0)
  expect((await cli('check')).code).toBe(0)
  expect((await cli('check', '--drift')).code).toBe(0)
  expect((await cli('downgrade')).code).toBe(0)
  // The schema stays, holding the migrations table; the account table is gone.
  expect(await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'app'`)).toEqual([{ table_name: 'migrations' }])
  expect((await cli('upgrade')).code).toBe(0)
})
