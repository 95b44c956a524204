import { databaseState } from '../support/database-state'
import { runBuiltCli } from '../support/run-cli'
import { runScript } from '../support/run-script'
import { type TempProject, tempProject } from '../support/temp-project'
import { type TestDatabase, createSqliteDatabase } from '../support/test-database'

// Where stdout is a report a program reads (upgrade --sql and downgrade --sql, --format json/sql/markdown/github,
// current), what the project prints through console went into it: upgrade --sql records a migration by running it,
// and what it printed (sogeBot's first migration says "Skipping migration zero, ..." when the migrations table has
// rows, which the recording's probe gives it) and what a DataSource with `logging: true` logs led the script,
// which failed at its first line; `status --format json` and `check --from-migrations --format json` printed
// TypeORM's `query: ...` lines before the JSON. It goes to stderr; stdout holds the report alone.

const migration = `
import type { MigrationInterface, QueryRunner } from 'typeorm'
export class Init1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    const applied = await queryRunner.query('SELECT * FROM "migrations"')
    if (applied.length > 0) {
      console.log('Skipping migration zero, migrations are already in bot')
      return
    }
    console.info('creating note')
    await queryRunner.query('CREATE TABLE note (id integer PRIMARY KEY, body text)')
  }
  async down(queryRunner: QueryRunner) {
    console.log('dropping note')
    await queryRunner.query('DROP TABLE note')
  }
}
`

let db: TestDatabase
let byHand: TestDatabase
let project: TempProject
beforeAll(async () => {
  db = await createSqliteDatabase()
  byHand = await createSqliteDatabase()
  project = tempProject({
    'migrations/1700000000000-Init.ts': migration,
    'ormconfig.ts': [
      "import { DataSource } from 'typeorm'",
      `export default new DataSource({ ...${JSON.stringify(db.options)}, logging: true, entities: [], migrations: ['migrations/*.ts'] })`,
      "export const autogen = { ignoreTables: ['note'] }",
    ].join('\n'),
  })
})
afterAll(async () => {
  project.remove()
  await db.drop()
  await byHand.drop()
})

test('what migrations and the logger print while a script is recorded goes to stderr', async () => {
  const up = runBuiltCli(project.dir, ['upgrade', '--sql'])
  expect(up.code).toBe(0)
  expect(up.stdout).toMatch(/^-- typeorm-autogen upgrade --sql/)
  expect(up.stdout).not.toMatch(/Skipping|creating note|query:/)
  expect(up.stderr).toContain('creating note')
  runScript(byHand, up.stdout)
  expect((await databaseState(byHand)).migrations).toEqual([{ name: 'Init1700000000000', timestamp: 1700000000000 }])

  expect(runBuiltCli(project.dir, ['upgrade']).code).toBe(0)
  const down = runBuiltCli(project.dir, ['downgrade', '--sql'])
  expect(down.code).toBe(0)
  expect(down.stdout).toMatch(/^-- typeorm-autogen downgrade --sql/)
  expect(down.stdout).not.toContain('dropping note')
  expect(down.stderr).toContain('dropping note')
  runScript(byHand, down.stdout)
  expect((await databaseState(byHand)).migrations).toEqual([])
})

test('JSON reports and current are read by programs: they hold the report alone', () => {
  expect(runBuiltCli(project.dir, ['hash']).code).toBe(0)
  for (const args of [['status', '--format', 'json'], ['check', '--from-migrations', '--format', 'json'], ['diff', '--format', 'json'], ['current']]) {
    const run = runBuiltCli(project.dir, args)
    // TypeORM colours its logger's lines where it finds a CI (CI=true): `query:` is followed by escape codes there.
    expect({ args, code: run.code, logged: /query:/.test(run.stdout) }).toEqual({ args, code: 0, logged: false })
    if (!args.includes('diff')) expect(run.stderr).toMatch(/query:/)
    if (args.includes('json')) expect(() => JSON.parse(run.stdout)).not.toThrow()
  }
})
