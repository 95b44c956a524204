import * as fs from 'node:fs'
import { runCliInProcess } from '../support/run-cli'
import { tempProject, type TempProject } from '../support/temp-project'
import { createPostgresDatabase, createPostgresDatabaseOnPath, type TestDatabase } from '../support/test-database'

// A database set to `search_path = app, public` has its tables, and TypeORM's migrations table, in app, and its
// migrations write `"app"."account"` and views that read `account` through that path. The scratch database of
// `check --from-migrations` and `check --drift` had neither the schema nor the path: the first migration failed
// there (`schema "app" does not exist`). It takes the target's search_path, and the schema it puts tables in.

let db: TestDatabase
let project: TempProject
beforeAll(async () => {
  db = await createPostgresDatabaseOnPath('search_path_scratch', 'app')
  project = tempProject({
    'ormconfig.ts': [
      "import { DataSource } from 'typeorm'",
      `export default new DataSource({ ...${JSON.stringify(db.options)}, entities: ['entities/*.ts'], migrations: ['migrations/*.ts'] })`,
    ].join('\n'),
    'entities/account.ts': [
      "import { Column, Entity, PrimaryGeneratedColumn, ViewColumn, ViewEntity } from 'typeorm'",
      "@Entity() export class Account { @PrimaryGeneratedColumn() id: number; @Column() name: string; @Column({ type: 'enum', enum: ['low', 'high'] }) level: string }",
      "@ViewEntity({ expression: `SELECT id, name FROM account WHERE level = 'high'` }) export class HighAccount { @ViewColumn() id: number; @ViewColumn() name: string }",
    ].join('\n'),
  })
})
afterAll(async () => {
  project?.remove()
  await db?.drop()
})

const cli = (...args: string[]) => runCliInProcess(project.dir, args)

it('builds the migrations written for the search_path\'s schema in a scratch database, and finds no drift', async () => {
  expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
  expect((await cli('upgrade')).code).toBe(0)
  const fromMigrations = await cli('check', '--from-migrations')
  expect(fromMigrations.stderr).toBe('')
  expect(fromMigrations.code).toBe(0)
  const drift = await cli('check', '--drift')
  expect(drift.stderr).toBe('')
  expect(drift.code).toBe(0)
  expect(await db.query(`SELECT datname FROM pg_database WHERE datname LIKE '${db.options.database as string}_autogen_%'`)).toEqual([])
  // On the server --shadow-url names, as well.
  const o = db.options as { host: string; port: number; username: string }
  const shadowed = await cli('check', '--from-migrations', '--shadow-url', `postgres://${o.username}@${o.host}:${o.port}/postgres`)
  expect(shadowed.stderr).toBe('')
  expect(shadowed.code).toBe(0)
})

// The search_path given by the DataSource's session settings, in CI where the target database is not made yet:
// its first schema, which the migrations name, is made in the scratch database.
it('makes the first schema of the search_path the DataSource gives, where the target does not exist yet', async () => {
  const target = await createPostgresDatabase('search_path_options')
  await target.query('CREATE SCHEMA app')
  const config = (database: string) => [
    "import { DataSource } from 'typeorm'",
    `export default new DataSource({ ...${JSON.stringify({ ...target.options, database })}, extra: { options: '-c search_path=app,public' }, entities: ['entities/*.ts'], migrations: ['migrations/*.ts'] })`,
  ].join('\n')
  const withOptions = tempProject({
    'ormconfig.ts': config(target.options.database as string),
    'ci.ts': config(`${target.options.database as string}_not_made`),
    'entities/account.ts': "import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'\n@Entity() export class Account { @PrimaryGeneratedColumn() id: number; @Column() name: string }",
  })
  try {
    expect((await runCliInProcess(withOptions.dir, ['generate', 'Init', '--timestamp', '1700000000000'])).code).toBe(0)
    expect(fs.readFileSync(withOptions.file('migrations/1700000000000-Init.ts'), 'utf8')).toContain('CREATE TABLE "app"."account"')
    const ci = await runCliInProcess(withOptions.dir, ['check', '--from-migrations', '-c', 'ci.ts'])
    expect(ci.stderr).toBe('')
    expect(ci.code).toBe(0)
  } finally {
    withOptions.remove()
    await target.drop()
  }
})
