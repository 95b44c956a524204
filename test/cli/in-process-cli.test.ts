import { readdirSync, readFileSync } from 'node:fs'
import { runBuiltCli, runCliInProcess, withoutRunTimes } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// Most CLI tests run the built CLI in the test's process (runCliInProcess) to save a Node start-up per run:
// that is only sound while it prints, returns and writes exactly what a new process does.

const note = (columns: string) =>
  `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'\n@Entity('note')\nexport class Note {\n  @PrimaryGeneratedColumn() id: number\n  ${columns}\n}\n`
const projects: TempProject[] = []
function noteProject(): TempProject {
  const project = tempProject({ 'note.ts': note('@Column() text: string') })
  project.write('ormconfig.ts', sqliteConfig({ imports: "import { Note } from './note'", entities: '[Note]', options: "migrations: ['migrations/*.ts']," }))
  projects.push(project)
  return project
}
afterAll(() => projects.forEach((p) => p.remove()))

/** expectSameRun runs `args` in a new process in one project and in-process in another, equal one, and compares. */
async function expectSameRun(spawned: TempProject, inProcess: TempProject, args: readonly string[]): Promise<void> {
  const expected = runBuiltCli(spawned.dir, args)
  const actual = await runCliInProcess(inProcess.dir, args)
  expect(actual.code).toBe(expected.code)
  expect(actual.stderr.replaceAll(inProcess.dir, '<project>')).toBe(expected.stderr.replaceAll(spawned.dir, '<project>'))
  // An upgrade's time per migration (`Applied X (0.1 s)`) is the machine's, not the run's.
  expect(withoutRunTimes(actual.stdout.replaceAll(inProcess.dir, '<project>'))).toBe(withoutRunTimes(expected.stdout.replaceAll(spawned.dir, '<project>')))
}

it.each([
  [['diff']],
  [['diff', '--format', 'json']],
  [['check']],
  [['status']],
  [['diff', '-c', 'missing.ts']],
  [['frobnicate']],
  [['--help']],
])('%j prints and returns what a new process does', (args) => expectSameRun(noteProject(), noteProject(), args))

it('generate, upgrade and a second generate write the same files as in new processes, one project each', async () => {
  const spawned = noteProject()
  const inProcess = noteProject()
  const steps: readonly (readonly string[])[] = [['generate', 'Init', '--timestamp', '1700000000000'], ['upgrade'], ['generate', 'Views', '--timestamp', '1700000001000']]
  for (const [i, args] of steps.entries()) {
    // The entity file changes between runs: the in-process run must load it anew, as a new process does.
    if (i === 2) for (const project of [spawned, inProcess]) project.write('note.ts', note("@Column() text: string\n  @Column({ default: 0 }) views: number"))
    await expectSameRun(spawned, inProcess, args)
  }
  const files = (project: TempProject) => readdirSync(project.file('migrations')).sort().map((f) => [f, readFileSync(project.file(`migrations/${f}`), 'utf8')])
  expect(files(inProcess)).toEqual(files(spawned))
  expect(files(inProcess).map(([f]) => f)).toContain('1700000001000-Views.ts')
})

it('sees the environment it is given, and leaves the process as it found it', async () => {
  const project = noteProject()
  const folder = process.cwd()
  const run = await runCliInProcess(project.dir, ['diff', '-c', 'env.ts'], { AUTOGEN_TEST_CONFIG_ERROR: 'from the environment' })
  expect(run.stderr).toMatch(/config file env\.ts not found/)
  project.write('env.ts', "throw new Error(process.env.AUTOGEN_TEST_CONFIG_ERROR ?? 'not set')\n")
  const seen = await runCliInProcess(project.dir, ['diff', '-c', 'env.ts'], { AUTOGEN_TEST_CONFIG_ERROR: 'from the environment' })
  expect(seen).toEqual(runBuiltCli(project.dir, ['diff', '-c', 'env.ts'], { AUTOGEN_TEST_CONFIG_ERROR: 'from the environment' }))
  expect(seen.stderr).toContain('from the environment')
  expect(process.cwd()).toBe(folder)
  expect((await runCliInProcess(project.dir, ['diff', '-c', 'env.ts'])).stderr).toContain('not set')
})
