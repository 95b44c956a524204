import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// TypeORM's PostgreSQL driver installs the extensions the entities use as it connects. The commands that
// only read the database (status, current, history, show, stamp) connect without that, so they change nothing; so do
// upgrade --sql and downgrade --sql, whose script holds what the connect would have sent, and --dry-run, which rolls it back.

const entity = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('tag')
export class Tag {
  @PrimaryGeneratedColumn() id: number
  @Column('citext') name: string
}
`
const migration = `
import type { MigrationInterface, QueryRunner } from 'typeorm'
export class Init1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.query('CREATE TABLE tag (id serial PRIMARY KEY, name citext NOT NULL)') }
  async down(queryRunner: QueryRunner) { await queryRunner.query('DROP TABLE tag') }
}
`

let db: TestDatabase
let project: TempProject
beforeAll(async () => {
  db = await createPostgresDatabase('readonly_connect')
  const options = JSON.stringify(db.options)
  project = tempProject({
    'tag.ts': entity,
    'migrations/1700000000000-Init.ts': migration,
    'ormconfig.ts': `import { DataSource } from 'typeorm'\nimport { Tag } from './tag'\nexport default new DataSource({ ...${options}, entities: [Tag], migrations: ['migrations/*.ts'] })\n`,
  })
})
afterAll(async () => {
  project.remove()
  await db.drop()
})

const extensions = async () => (await db.query<{ extname: string }>("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'")).map((e) => e.extname)

test('status, current, history, show and stamp install no extension; upgrade connects as TypeORM does', async () => {
  for (const args of [['status'], ['current'], ['history'], ['show', 'Init'], ['stamp', 'base']]) {
    const run = await runCliInProcess(project.dir, args)
    expect({ args, code: run.code }).toEqual({ args, code: 0 })
    expect(await extensions()).toEqual([])
  }
  const script = await runCliInProcess(project.dir, ['upgrade', '--sql'])
  expect(script.code).toBe(0)
  expect(script.stdout.indexOf('CREATE EXTENSION IF NOT EXISTS "citext";')).toBeGreaterThan(-1)
  expect(script.stdout.indexOf('CREATE EXTENSION IF NOT EXISTS "citext";')).toBeLessThan(script.stdout.indexOf('-- Init1700000000000: up'))
  expect(await extensions()).toEqual([])
  const dry = await runCliInProcess(project.dir, ['upgrade', '--dry-run'])
  expect(dry.code).toBe(0)
  expect(await extensions()).toEqual([])
  expect((await runCliInProcess(project.dir, ['upgrade'])).code).toBe(0)
  expect(await extensions()).toEqual(['citext'])
  const down = await runCliInProcess(project.dir, ['downgrade', '--sql'])
  expect(down.code).toBe(0)
  expect(down.stdout).toContain('CREATE EXTENSION IF NOT EXISTS "citext";')
})
