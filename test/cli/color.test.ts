import { type CliOutput, colored } from '../../src/cli/cli-output'
import { runBuiltCli } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// Colour only where a person reads: a terminal, unless NO_COLOR or --no-color say no; FORCE_COLOR (or --color)
// colours a pipe too. Long runs end with one line counting what changed and what to watch.

const esc = '\u001b['
const painted = (output: CliOutput) => output.paint!.out('danger', 'x') !== 'x'
const streams = (terminal: boolean): CliOutput => ({ out: () => {}, err: () => {}, terminal: { out: terminal, err: terminal } })

describe('colored', () => {
  it('colours a terminal unless told not to', () => {
    expect(painted(colored(streams(true), undefined, {}))).toBe(true)
    expect(painted(colored(streams(true), undefined, { NO_COLOR: '1' }))).toBe(false)
    expect(painted(colored(streams(true), undefined, { NO_COLOR: '' }))).toBe(true)
    expect(painted(colored(streams(true), undefined, { TERM: 'dumb' }))).toBe(false)
    expect(painted(colored(streams(true), false, {}))).toBe(false)
  })

  it('leaves a pipe plain unless FORCE_COLOR or --color ask for colour', () => {
    expect(painted(colored(streams(false), undefined, {}))).toBe(false)
    expect(painted(colored(streams(false), undefined, { FORCE_COLOR: '1' }))).toBe(true)
    expect(painted(colored(streams(false), undefined, { FORCE_COLOR: '0' }))).toBe(false)
    expect(painted(colored(streams(false), undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }))).toBe(true)
    expect(painted(colored(streams(false), true, {}))).toBe(true)
    expect(painted(colored(streams(false), false, { FORCE_COLOR: '1' }))).toBe(false)
  })

  it('never colours an output that says nothing of terminals', () => {
    expect(painted(colored({ out: () => {}, err: () => {} }, true, { FORCE_COLOR: '1' }))).toBe(false)
  })
})

describe('the built CLI', () => {
  const entities = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column() text: string
}
`
  let project: TempProject
  beforeAll(() => {
    project = tempProject({ 'note.ts': entities })
    project.write('ormconfig.ts', sqliteConfig({ imports: "import { Note } from './note'", entities: '[Note]', options: "migrations: ['migrations/*.ts']," }))
  })
  afterAll(() => project?.remove())

  it('prints no colour into a pipe, colour with FORCE_COLOR, none with --no-color, and ends diff with a summary line', () => {
    const piped = runBuiltCli(project.dir, ['diff'])
    expect(piped.stdout).not.toContain(esc)
    expect(piped.stdout.endsWith('\n1 table changed\n')).toBe(true)
    const forced = runBuiltCli(project.dir, ['diff'], { FORCE_COLOR: '1' })
    expect(forced.stdout).toContain(`${esc}32m+ table "note" (2 columns)${esc}39m`)
    expect(forced.stdout).toContain(`${esc}1mChanges:${esc}22m`)
    expect(runBuiltCli(project.dir, ['diff', '--no-color'], { FORCE_COLOR: '1' }).stdout).toBe(piped.stdout)
    for (const format of ['json', 'markdown', 'github', 'sql']) {
      for (const command of ['diff', 'check']) {
        const run = runBuiltCli(project.dir, [command, '--format', format, '--color'], { FORCE_COLOR: '1' })
        expect(run.stdout).not.toBe('')
        expect(run.stdout).not.toContain(esc)
      }
    }
  })

  it('ends generate with the summary line', () => {
    const run = runBuiltCli(project.dir, ['generate', 'Init', '--timestamp', '1700000000000'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/\nWrote migrations\/1700000000000-Init\.ts\n1 table changed\n$/)
  })
})
