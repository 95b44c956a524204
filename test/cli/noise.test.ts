import { readFileSync } from 'node:fs'
import { afterDatabaseLine, runBuiltCli, withoutRunTimes } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// Noise can be tuned: autogen.minSeverity and autogen.ignore decide which hazards, notes and warnings files and
// output show, and --quiet keeps only the essentials.

const note = (legacy: boolean) => `
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  ${legacy ? '@Index() ' : ''}@Column() text: string
  ${legacy ? "@Column({ type: 'varchar', nullable: true }) legacy: string | null" : ''}
}
`
const config = (autogen: string) => sqliteConfig({
  imports: "import { Note } from './note'", entities: '[Note]', options: "migrations: ['migrations/*.ts'],", extra: `export const autogen = ${autogen}`,
})

let project: TempProject
beforeAll(() => {
  project = tempProject({ 'note.ts': note(true) })
  project.write('ormconfig.ts', config('{}'))
})
afterAll(() => project.remove())

const cli = (...args: string[]) => runBuiltCli(project.dir, args)
const codes = (json: string) => (JSON.parse(json) as { hazards: { code: string }[] }).hazards.map((h) => h.code)

it('shows only what the settings ask for, in diff and in the file generate writes', () => {
  expect(cli('generate', 'Init', '--timestamp', '1700000000000').code).toBe(0)
  expect(cli('upgrade').code).toBe(0)
  project.write('note.ts', note(false))
  expect(codes(cli('diff', '--format', 'json').stdout)).toEqual(['DROP_INDEX', 'DROP_COLUMN'])

  project.write('ormconfig.ts', config("{ ignore: ['DROP_COLUMN'] }"))
  expect(codes(cli('diff', '--format', 'json').stdout)).toEqual(['DROP_INDEX'])
  project.write('ormconfig.ts', config("{ minSeverity: 'danger' }"))
  expect(codes(cli('diff', '--format', 'json').stdout)).toEqual(['DROP_COLUMN'])

  expect(cli('generate', 'DropLegacy', '--timestamp', '1700000001000').code).toBe(0)
  const source = readFileSync(project.file('migrations/1700000001000-DropLegacy.ts'), 'utf8')
  expect(source).toContain('// hazard DROP_COLUMN (danger)')
  expect(source).not.toContain('DROP_INDEX')
})

it('refuses an unknown code with one line and exit 2', () => {
  project.write('ormconfig.ts', config("{ ignore: ['DROP_INDX'] }"))
  const run = cli('diff')
  expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' })
  expect(run.stderr).toMatch(/^typeorm-autogen: autogen.ignore in .*ormconfig.ts names "DROP_INDX", which is no hazard or warning code: use a code of the README's Hazards or Warnings table\n$/)
  project.write('ormconfig.ts', config('{}'))
})

it('--quiet keeps only the essentials', () => {
  const status = cli('status', '--quiet')
  expect(status).toMatchObject({ code: 0, stdout: '[applied] Init1700000000000\n[pending] DropLegacy1700000001000\n' })
  expect(status.stderr).toMatch(/^warning: DropLegacy1700000001000 line \d+: DROP_COLUMN/)
  const upgrade = cli('upgrade', '-q')
  expect({ code: upgrade.code, stdout: withoutRunTimes(upgrade.stdout) }).toEqual({ code: 0, stdout: 'Applied DropLegacy1700000001000\n' })
  const noisy = cli('check')
  expect(noisy.stdout).toMatch(/^Database: /)
  expect(cli('check', '--quiet')).toEqual({ code: 0, stdout: 'OK: the database matches the entities.\n', stderr: '' })
  project.write('note.ts', note(true))
  const generated = cli('generate', 'Again', '--timestamp', '1700000002000', '--quiet')
  expect(generated).toEqual({ code: 0, stdout: 'Wrote migrations/1700000002000-Again.ts\n', stderr: '' })
  expect(afterDatabaseLine(cli('status').stdout)).toContain('[pending] Again1700000002000')
})
