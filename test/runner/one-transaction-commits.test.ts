import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// migrationsTransactionMode all runs every migration in one transaction, but the later part of a change
// commits the parts before it (it uses the enum value they added): when a migration after it fails, those
// stay applied, and the failure's line says which (found by a workflow test).

const migration = (name: string, body: string) => `
import { MigrationInterface, QueryRunner } from 'typeorm'
export class ${name} implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    ${body}
  }
  async down(): Promise<void> {}
}
`

let db: TestDatabase
let project: TempProject
beforeAll(async () => {
  db = await createPostgresDatabase('onetx')
  project = tempProject({
    'ormconfig.ts': [
      "import { DataSource } from 'typeorm'",
      `export default new DataSource({ ...${JSON.stringify(db.options)}, entities: [], migrations: ['migrations/*.ts'], migrationsTransactionMode: 'all' })`,
    ].join('\n'),
    'migrations/1700000001000-AddMood.ts': migration('AddMood1700000001000', "await queryRunner.query(`CREATE TYPE mood AS ENUM ('calm')`)"),
    'migrations/1700000002000-MoodValues.ts': migration('MoodValues1700000002000', "await queryRunner.query(`ALTER TYPE mood ADD VALUE 'glad'`)"),
    'migrations/1700000003000-UseMood.ts': migration('UseMood1700000003000', [
      'if (queryRunner.isTransactionActive) { await queryRunner.commitTransaction(); await queryRunner.startTransaction() }',
      "await queryRunner.query(`CREATE TABLE feeling (m mood DEFAULT 'glad')`)",
    ].join('\n    ')),
    'migrations/1700000004000-Broken.ts': migration('Broken1700000004000', 'await queryRunner.query(`ALTER TABLE nowhere ADD COLUMN x integer`)'),
  })
})
afterAll(async () => {
  project?.remove()
  await db?.drop()
})

it('names the migrations the later part of a change committed, which stay applied', async () => {
  const run = await runCliInProcess(project.dir, ['upgrade', '--quiet'])
  expect(run.code).toBe(2)
  expect(run.stderr).toMatch(/; the run's one transaction was rolled back, but AddMood1700000001000, MoodValues1700000002000 stay applied: UseMood1700000003000, the later part of a change, committed them before it ran, to use what the part before added\n$/)
  expect(await db.query('SELECT name FROM migrations ORDER BY id')).toEqual([{ name: 'AddMood1700000001000' }, { name: 'MoodValues1700000002000' }])
  expect(await db.query("SELECT to_regclass('feeling') AS t")).toEqual([{ t: null }])
})
