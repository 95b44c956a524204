import { readFileSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { runCliInProcess, withoutRunTimes } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// The whole loop on the built CLI: diff, check and generate show the hazards with their counts; status and
// upgrade repeat the ones no reviewer accepted in the file, without the file's counts, as warnings that do
// not stop anything.

const note = (legacy: boolean) => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column() text: string
  ${legacy ? '@Column({ type: \'varchar\', nullable: true }) legacy: string | null' : ''}
}
`
const migration = 'migrations/1700000001000-DropLegacy.ts'

let project: TempProject
beforeAll(() => {
  project = tempProject({ 'note.ts': note(true) })
  project.write('ormconfig.ts', sqliteConfig({ imports: "import { Note } from './note'", entities: '[Note]', options: "migrations: ['migrations/*.ts']," }))
})
afterAll(() => project.remove())

const cli = (...args: string[]) => runCliInProcess(project.dir, args)

it('shows hazards with counts in diff, check and generate, and repeats the unaccepted ones on status and upgrade', async () => {
  expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
  expect((await cli('upgrade')).code).toBe(0)
  const db = new Database(project.file('data/app.sqlite'))
  db.exec("INSERT INTO note (text, legacy) VALUES ('a', 'old'), ('b', NULL), ('c', 'older')")
  db.close()
  project.write('note.ts', note(false))

  const json = JSON.parse((await cli('diff', '--format', 'json')).stdout)
  expect(json.hazards).toEqual([{
    code: 'DROP_COLUMN',
    severity: 'danger',
    message: 'Deletes every value in "note"."legacy" (2 non-null values); copy the values elsewhere first if they are still needed.',
    operation: 0,
    measurement: { count: 2, complete: true, text: '2 non-null values' },
  }])
  const check = await cli('check')
  expect(check.code).toBe(1)
  expect(check.stdout).toContain('\nHazards:\n  - DROP_COLUMN (danger): Deletes every value in "note"."legacy" (2 non-null values)')

  const generated = await cli('generate', 'DropLegacy', '--timestamp', '1700000001000')
  expect(generated.code).toBe(0)
  expect(generated.stdout).toContain('Hazards:\n  - DROP_COLUMN (danger)')
  const source = readFileSync(project.file(migration), 'utf8')
  expect(source).toContain('        // hazard DROP_COLUMN (danger): Deletes every value in "note"."legacy" (2 non-null values)')

  const status = await cli('status')
  expect(status).toMatchObject({ code: 0, stdout: expect.stringContaining('[pending] DropLegacy1700000001000') })
  expect(status.stderr).toMatch(/^warning: DropLegacy1700000001000 line \d+: DROP_COLUMN \(danger\): Deletes every value in "note"\."legacy"/)
  // The file's count is from the database it was generated against: status and upgrade leave it out and say so.
  expect(status.stderr).toContain('Deletes every value in "note"."legacy"; copy the values elsewhere first if they are still needed.\n')
  expect(status.stderr).not.toContain('non-null values')
  expect(status.stderr).toContain('\nCounts are left out: those in the migration files are from the database they were generated against.\n')
  expect(status.stderr).toContain('accept one by changing "// hazard" to "// accepted"')

  writeFileSync(project.file(migration), source.replace('// hazard DROP_COLUMN', '// accepted DROP_COLUMN'))
  expect(await cli('status')).toMatchObject({ code: 0, stderr: '' })

  writeFileSync(project.file(migration), source)
  const upgrade = await cli('upgrade')
  expect(upgrade.code).toBe(0)
  expect(upgrade.stderr).toMatch(/^warning: DropLegacy1700000001000 line \d+: DROP_COLUMN/)
  expect(upgrade.stderr).not.toContain('non-null values')
  expect(withoutRunTimes(upgrade.stdout)).toBe(`Database: sqlite ${project.file('data/app.sqlite')}\nApplied DropLegacy1700000001000\n`)
  expect((await cli('check')).code).toBe(0)
})
