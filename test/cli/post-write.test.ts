import { readFileSync, readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { runBuiltCli } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// autogen.postWrite runs a formatter over each new migration before it is written, as Alembic's post_write_hooks
// run black: autogen.sum records the file as the formatter left it, so a formatter run again (a commit hook) changes
// nothing and check stays clean. A command that fails writes nothing.

const note = (extra: string) => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column() text: string
  ${extra}
}
`
const config = (autogen: string) => sqliteConfig({
  imports: "import { Note } from './note'", entities: '[Note]', options: "migrations: ['migrations/*.ts'],", extra: `export const autogen = ${autogen}`,
})

let project: TempProject
beforeEach(() => {
  project = tempProject({ 'note.ts': note(''), '.prettierrc': '{ "semi": false, "singleQuote": true, "printWidth": 100 }\n' })
})
afterEach(() => project.remove())

const cli = (...args: string[]) => runBuiltCli(project.dir, args)
const prettierCheck = () => spawnSync(project.file('node_modules/.bin/prettier'), ['--check', 'migrations'], { cwd: project.dir, encoding: 'utf8' })
const folder = () => readdirSync(project.file('migrations')).sort()

it('generate and create write the migration as the formatter leaves it, and autogen.sum records it so', () => {
  project.write('ormconfig.ts', config("{ postWrite: 'prettier --write' }"))
  expect(cli('generate', 'Init', '--timestamp', '1700000000000')).toMatchObject({ code: 0, stderr: '' })
  const source = readFileSync(project.file('migrations/1700000000000-Init.ts'), 'utf8')
  expect(source).toContain("import type { MigrationInterface, QueryRunner } from 'typeorm'\n")
  expect(source).not.toMatch(/;\n/)
  expect(prettierCheck().status).toBe(0)
  expect(cli('upgrade').code).toBe(0)
  expect(cli('check')).toMatchObject({ code: 0, stderr: '' })

  project.write('ormconfig.ts', config(`{ postWrite: ['prettier --write {files} || true', 'node -e "process.exit(process.argv.length === 2 ? 0 : 4)" {files}'] }`))
  expect(cli('create', 'Backfill', '--timestamp', '1700000001000').code).toBe(0)
  expect(readFileSync(project.file('migrations/1700000001000-Backfill.ts'), 'utf8')).toContain("  name = 'Backfill1700000001000'\n")
  expect(cli('upgrade').code).toBe(0)
  project.write('note.ts', note("@Column({ type: 'varchar', nullable: true }) title: string | null"))
  expect(cli('generate', 'AddTitle', '--timestamp', '1700000002000').code).toBe(0)
  expect(prettierCheck().status).toBe(0)
  expect(cli('upgrade').code).toBe(0)
  expect(cli('check')).toMatchObject({ code: 0, stderr: '' })
})

it('without it, the same formatter run after generate and upgrade makes the migration APPLIED_MIGRATION_EDITED', () => {
  project.write('ormconfig.ts', config('{}'))
  expect(cli('generate', 'Init', '--timestamp', '1700000000000').code).toBe(0)
  expect(cli('upgrade').code).toBe(0)
  expect(spawnSync(project.file('node_modules/.bin/prettier'), ['--write', 'migrations'], { cwd: project.dir }).status).toBe(0)
  const check = cli('check')
  expect(check.code).toBe(5)
  expect(check.stderr).toContain('APPLIED_MIGRATION_EDITED')
})

it('stops at a command that fails, with one line, writing nothing', () => {
  project.write('ormconfig.ts', config("{ postWrite: 'prettier --write' }"))
  expect(cli('generate', 'Init', '--timestamp', '1700000000000').code).toBe(0)
  expect(cli('upgrade').code).toBe(0)
  const before = folder()
  const sum = readFileSync(project.file('migrations/autogen.sum'), 'utf8')
  project.write('note.ts', note("@Column({ type: 'varchar', nullable: true }) title: string | null"))
  project.write('ormconfig.ts', config(`{ postWrite: ['prettier --write', 'node -e "console.error(\\'lint: 2 problems\\'); process.exit(3)"'] }`))
  const run = cli('generate', 'AddTitle', '--timestamp', '1700000002000')
  expect(run.code).toBe(2)
  expect(run.stderr).toBe('typeorm-autogen: autogen.postWrite `node -e "console.error(\'lint: 2 problems\'); process.exit(3)"` failed (exit 3: lint: 2 problems): fix the command, or remove it from autogen.postWrite; no file was written\n')
  expect(folder()).toEqual(before)
  expect(readFileSync(project.file('migrations/autogen.sum'), 'utf8')).toBe(sum)

  project.write('ormconfig.ts', config("{ postWrite: 'no-such-formatter --write' }"))
  const missing = cli('create', 'Backfill', '--timestamp', '1700000003000')
  expect(missing.code).toBe(2)
  expect(missing.stderr).toMatch(/^typeorm-autogen: autogen.postWrite `no-such-formatter --write` failed \(exit 127: .*not found\): fix the command, or remove it from autogen.postWrite; no file was written\n$/)
  expect(folder()).toEqual(before)
})

it('refuses a setting that is no command', () => {
  project.write('ormconfig.ts', config('{ postWrite: [42] }'))
  const run = cli('create', 'Backfill', '--timestamp', '1700000001000')
  expect(run.code).toBe(2)
  expect(run.stderr).toMatch(/^typeorm-autogen: autogen.postWrite in .*ormconfig.ts must be a command or an array of commands, like 'prettier --write'\n$/)
})
