import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// A migration that commits the transaction TypeORM's runner began for it and begins none again (CromwellCMS's
// permissions migration commits its tables to run application code on them): the runner records it, then fails
// with "Transaction is not started yet", which named nothing, though the migration stays applied.

const migration = (name: string, up: string, down = '') => `
import { MigrationInterface, QueryRunner } from 'typeorm'
export class ${name} implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    ${up}
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    ${down}
  }
}
`

const commit = 'await queryRunner.commitTransaction()'

let db: TestDatabase
let project: TempProject
beforeEach(async () => {
  db = await createPostgresDatabase('endedtx')
})
afterEach(async () => {
  project?.remove()
  await db?.drop()
})

function projectWith(mode: 'each' | 'all'): TempProject {
  return tempProject({
    'ormconfig.ts': [
      "import { DataSource } from 'typeorm'",
      `export default new DataSource({ ...${JSON.stringify(db.options)}, entities: [], migrations: ['migrations/*.ts'], migrationsTransactionMode: '${mode}' })`,
    ].join('\n'),
    'migrations/1700000001000-AddTag.ts': migration('AddTag1700000001000', 'await queryRunner.query(`CREATE TABLE tag (id integer)`)', 'await queryRunner.query(`DROP TABLE tag`)'),
    'migrations/1700000002000-AddRole.ts': migration('AddRole1700000002000',
      `await queryRunner.query(\`CREATE TABLE role (id integer)\`)\n    ${commit}\n    await queryRunner.query(\`INSERT INTO role VALUES (1)\`)`,
      `await queryRunner.query(\`DROP TABLE role\`)\n    ${commit}`),
    'migrations/1700000003000-AddDash.ts': migration('AddDash1700000003000', 'await queryRunner.query(`CREATE TABLE dash (id integer)`)', 'await queryRunner.query(`DROP TABLE dash`)'),
  })
}

const recorded = async () => (await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).map((r) => r.name)

it('upgrade names the migration, which stays applied, and runs none after it', async () => {
  project = projectWith('each')
  const run = await runCliInProcess(project.dir, ['upgrade', '--quiet'])
  expect(run.code).toBe(2)
  expect(run.stderr).toContain("migration AddRole1700000002000 committed in up the transaction TypeORM's runner began for it and began none again, so the runner failed to commit it (Transaction is not started yet")
  expect(run.stderr).toContain('AddRole1700000002000 stays applied and recorded, and the run stopped there; begin a transaction again after its commit (await queryRunner.startTransaction()), then run again\n')
  expect(await recorded()).toEqual(['AddTag1700000001000', 'AddRole1700000002000'])
  expect(await db.query('SELECT id FROM role')).toEqual([{ id: 1 }])
})

it('check --from-migrations names it', async () => {
  project = projectWith('each')
  const run = await runCliInProcess(project.dir, ['check', '--from-migrations', '--quiet'])
  expect(run.code).toBe(2)
  expect(run.stderr).toContain("migration AddRole1700000002000 committed in up the transaction TypeORM's runner began for it and began none again")
})

it('downgrade names it, reverted', async () => {
  project = projectWith('each')
  await runCliInProcess(project.dir, ['upgrade', '--quiet'])
  expect((await runCliInProcess(project.dir, ['upgrade', '--quiet'])).code).toBe(0)
  expect((await runCliInProcess(project.dir, ['downgrade', '--quiet'])).code).toBe(0)
  const run = await runCliInProcess(project.dir, ['downgrade', '--quiet'])
  expect(run.code).toBe(2)
  expect(run.stderr).toContain('migration AddRole1700000002000 committed in down the transaction')
  expect(run.stderr).toContain('AddRole1700000002000 stays reverted, its record removed, and the run stopped there')
  expect(await recorded()).toEqual(['AddTag1700000001000'])
})

it('in one transaction for the run, names those its commit kept and those run after it without one', async () => {
  project = projectWith('all')
  const run = await runCliInProcess(project.dir, ['upgrade', '--quiet'])
  expect(run.code).toBe(2)
  expect(run.stderr).toContain('AddRole1700000002000 stays applied and recorded, and so do AddTag1700000001000, run before it in the transaction it committed, and AddDash1700000003000, run after it without a transaction, and the run stopped there')
  expect(await recorded()).toEqual(['AddTag1700000001000', 'AddRole1700000002000', 'AddDash1700000003000'])
})
