import { readFileSync, writeFileSync } from 'node:fs'
import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// create lists its empty migration in autogen.sum, and then asks for it to be filled in: check must not take
// that edit for one made after the migration ran somewhere, which it would tell the user to undo.

let project: TempProject
const cli = (...args: string[]) => runCliInProcess(project.dir, args)
const backfill = 'migrations/1700000001000-Backfill.ts'

beforeAll(() => {
  project = tempProject({
    'note.ts': "import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'\n@Entity('note')\nexport class Note {\n  @PrimaryGeneratedColumn() id: number\n  @Column({ type: 'integer', default: 0 }) views: number\n}\n",
    'ormconfig.ts': sqliteConfig({ imports: "import { Note } from './note'", entities: '[Note]', options: "migrations: ['migrations/*.ts']," }),
  })
})
afterAll(() => project?.remove())

it('create, fill in, upgrade: check asks for hash (exit 5), not to restore the file; after hash it passes', async () => {
  expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
  const create = await cli('create', 'Backfill', '--timestamp', '1700000001000')
  expect(create.stdout).toBe(`Wrote ${backfill}: fill in up() and down(), then run \`typeorm-autogen hash\` and upgrade.\n`)
  const source = readFileSync(project.file(backfill), 'utf8')
  writeFileSync(project.file(backfill), source
    .replace(/\/\/ Write the change here.*/, 'await queryRunner.query(`UPDATE "note" SET "views" = 1`);')
    .replace('// Write here what reverts up().', 'await queryRunner.query(`UPDATE "note" SET "views" = 0`);'))
  expect((await cli('upgrade')).code).toBe(0)

  const check = await cli('check')
  expect(check.stderr).toBe(`${backfill}: MIGRATION_CHANGED: filled in since \`typeorm-autogen create\` wrote it: review it, then run \`typeorm-autogen hash\` to record it as it is now\n`)
  expect(check.code).toBe(5)
  expect((await cli('hash')).code).toBe(0)
  expect(await cli('check')).toMatchObject({ code: 0, stderr: '' })

  writeFileSync(project.file(backfill), readFileSync(project.file(backfill), 'utf8').replace('SET "views" = 1', 'SET "views" = 2'))
  expect((await cli('check')).stderr).toContain(`${backfill}: APPLIED_MIGRATION_EDITED: migration Backfill1700000001000 differs from autogen.sum and is applied: edited after it ran, restore it`)
})
