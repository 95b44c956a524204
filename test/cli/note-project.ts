import { type CliRun, runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

/** noteEntity is an entity file declaring table `note` with an id and `columns` (source text). */
export const noteEntity = (columns: string) => `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  ${columns}
}
`

/** noteConfig is an ormconfig.ts over SQLite loading Note from `entityFile` and migrations from migrations/*.ts. */
export const noteConfig = (entityFile: string) =>
  sqliteConfig({ imports: `import { Note } from './${entityFile}'`, entities: '[Note]', options: "migrations: ['migrations/*.ts']," })

/** NoteProject is a temp project with note-v1.ts (`text`) and note-v2.ts (`text`, `views`), configured with v1. */
export interface NoteProject {
  readonly project: TempProject
  /** cli runs the built CLI in the project. */
  cli(...args: string[]): Promise<CliRun>
  /** useVersion points ormconfig.ts at note-v<n>.ts. */
  useVersion(version: 1 | 2): void
  /** applyInit generates migration Init at 1700000000000 and upgrades, expecting both to succeed. */
  applyInit(): Promise<void>
}

/** noteProject makes a NoteProject; remove it with `project.remove()`. */
export function noteProject(): NoteProject {
  const project = tempProject({
    'note-v1.ts': noteEntity('@Column() text: string'),
    'note-v2.ts': noteEntity("@Column() text: string\n  @Column({ type: 'integer', default: 0 }) views: number"),
    'ormconfig.ts': noteConfig('note-v1'),
  })
  const cli: NoteProject['cli'] = (...args) => runCliInProcess(project.dir, args)
  return {
    project,
    cli,
    useVersion: (version) => void project.write('ormconfig.ts', noteConfig(`note-v${version}`)),
    async applyInit() {
      expect((await cli('generate', 'Init', '--timestamp', '1700000000000')).code).toBe(0)
      expect((await cli('upgrade')).code).toBe(0)
    },
  }
}
