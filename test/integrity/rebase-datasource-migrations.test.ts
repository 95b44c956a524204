import { readdirSync } from 'node:fs'
import { runCliInProcess } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'
import { createPostgresDatabase, type TestDatabase } from '../support/test-database'

// rebase puts a migration after every other that TypeORM runs with it: the DataSource's migrations loaded from
// outside the migrations folder (another glob) count as the folder's do, or the rebased migration would still
// run before one of them.

const emptyMigration = (className: string) => [
  "import type { MigrationInterface, QueryRunner } from 'typeorm'",
  `export class ${className} implements MigrationInterface {`,
  '  public async up(queryRunner: QueryRunner): Promise<void> {}',
  '  public async down(queryRunner: QueryRunner): Promise<void> {}',
  '}',
].join('\n')

let db: TestDatabase
let project: TempProject
const cli = (...args: string[]) => runCliInProcess(project.dir, args)

beforeAll(async () => {
  db = await createPostgresDatabase('rebase_datasource')
  project = tempProject({
    'note.ts': "import { Entity, PrimaryGeneratedColumn } from 'typeorm'\n@Entity('note')\nexport class Note {\n  @PrimaryGeneratedColumn() id: number\n}\n",
    'legacy/1950000000000-Legacy.ts': emptyMigration('Legacy1950000000000'),
    'migrations/1940000000000-Mine.ts': emptyMigration('Mine1940000000000'),
    'ormconfig.ts': [
      "import { DataSource } from 'typeorm'",
      "import { Note } from './note'",
      `export default new DataSource({ ...${JSON.stringify(db.options)}, entities: [Note], migrations: ['migrations/*.ts', 'legacy/*.ts'] })`,
      "export const autogen = { migrationsDir: 'migrations' }",
    ].join('\n'),
  })
  expect((await cli('hash')).code).toBe(0)
})
afterAll(async () => {
  project?.remove()
  await db?.drop()
})

it('refuses a --timestamp older than a DataSource migration outside the folder, and without one goes past it', async () => {
  const older = await cli('rebase', 'Mine1940000000000', '--timestamp', '1945000000000')
  expect(older.stderr).toBe('typeorm-autogen: --timestamp 1945000000000 is not newer than every migration (the newest is 1950000000000): pass a later one, or leave it out\n')
  expect(older.code).toBe(2)
  const rebased = await cli('rebase', 'Mine1940000000000')
  expect(rebased.stderr).toBe('')
  expect(rebased.code).toBe(0)
  // The current time is older than 1950000000000 (2031), so the new timestamp is the millisecond after Legacy's.
  expect(readdirSync(project.file('migrations')).filter((f) => f.endsWith('.ts'))).toEqual(['1950000000001-Mine.ts'])
  const status = await cli('status')
  expect(status.stdout.trim().split('\n').slice(-2)).toEqual(['[pending] Legacy1950000000000', '[pending] Mine1950000000001'])
})
