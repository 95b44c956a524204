import { readFileSync, readdirSync } from 'node:fs'
import { afterDatabaseLine, runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// An entities.snapshot.json that cannot be read (git conflict markers after a merge) is warned about with
// advice that matches what generate does with it: it replaces it, whether or not it writes a migration.

const entity = (extra = '') => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column() text: string
  ${extra}
}
`
const conflicted = '<<<<<<< HEAD\n{ "tables": [] }\n=======\n{ "tables": [{}] }\n>>>>>>> other\n'
const unreadableWarning = /SNAPSHOT_UNREADABLE: .*entities\.snapshot\.json cannot be read \(.*\), so entity changes the database cannot see are not compared; `generate` replaces it with the entities as they are now \(to keep the comparison, fix it or restore it from git first\)$/m

let project: TempProject
beforeAll(async () => {
  project = tempProject({ 'note.ts': entity() })
  project.write('ormconfig.ts', sqliteConfig({ imports: "import { Note } from './note'", entities: '[Note]', options: "migrations: ['migrations/*.ts']," }))
  expect((await runCliInProcess(project.dir, ['generate', 'Init', '--timestamp', '1700000000000'])).code).toBe(0)
  expect((await runCliInProcess(project.dir, ['upgrade'])).code).toBe(0)
})
afterAll(() => project?.remove())

const snapshot = () => readFileSync(project.file('migrations/entities.snapshot.json'), 'utf8')

it('has generate with no changes replace it, and says so', async () => {
  project.write('migrations/entities.snapshot.json', conflicted)
  const diff = await runCliInProcess(project.dir, ['diff'])
  expect(diff.stdout).toMatch(unreadableWarning)
  const run = await runCliInProcess(project.dir, ['generate', 'Nothing'])
  expect(run.code).toBe(0)
  expect(afterDatabaseLine(run.stdout)).toBe('No changes: the database matches the entities.\nWrote migrations/entities.snapshot.json only, in place of the one that could not be read.\n')
  expect(run.stderr).toMatch(unreadableWarning)
  expect(JSON.parse(snapshot()).migration).toBe('Init1700000000000')
  expect((await runCliInProcess(project.dir, ['diff'])).stdout).not.toContain('SNAPSHOT_UNREADABLE')
})

it('has generate that writes a migration replace it too', async () => {
  project.write('migrations/entities.snapshot.json', conflicted)
  project.write('note.ts', entity("@Column({ type: 'integer', nullable: true }) views: number | null"))
  const run = await runCliInProcess(project.dir, ['generate', 'AddViews', '--timestamp', '1700000001000'])
  expect(run.code).toBe(0)
  expect(run.stdout).toMatch(unreadableWarning)
  expect(readdirSync(project.file('migrations'))).toContain('1700000001000-AddViews.ts')
  expect(JSON.parse(snapshot()).migration).toBe('AddViews1700000001000')
})
