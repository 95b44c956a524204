import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import { bin } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// Ctrl-C (SIGINT) during generate, even while it writes, never leaves a migration autogen.sum does not list,
// nor a half-written file: a signal that comes while the files are written waits until all are in place, then
// ends the process as it would have (killed by SIGINT, the shell's 130).

let project: TempProject
beforeAll(() => {
  project = tempProject({
    'note.ts': `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note') export class Note { @PrimaryGeneratedColumn() id: number; @Column() text: string }`,
    'ormconfig.ts': sqliteConfig({ imports: "import { Note } from './note'", entities: '[Note]', options: "migrations: ['migrations/*.ts']," }),
  })
})
afterAll(() => project.remove())

interface Interrupted {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  /** The migrations folder's files once the process ended. */
  readonly files: string[]
  readonly sum: string
}

/**
 * generateInterrupted runs generate in an empty migrations folder and sends it `signal` `delay` ms after the
 * folder first changes (its first `.partial` file), or after the start where `fromStart`, then again every
 * millisecond until it ends.
 */
function generateInterrupted(delay: number, fromStart: boolean, signal: NodeJS.Signals = 'SIGINT'): Promise<Interrupted> {
  const migrations = project.file('migrations')
  fs.rmSync(migrations, { recursive: true, force: true })
  fs.mkdirSync(migrations)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'generate', 'Init', '--timestamp', '1700000000000'], { cwd: project.dir, stdio: 'ignore' })
    let timer: NodeJS.Timeout | undefined
    const interruptAfter = (ms: number) => {
      timer ??= setTimeout(function again() {
        child.kill(signal)
        timer = setTimeout(again, 1)
      }, ms)
    }
    const watcher = fs.watch(migrations, () => interruptAfter(delay))
    if (fromStart) interruptAfter(delay)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      watcher.close()
      const files = fs.readdirSync(migrations)
      resolve({ code, signal, files, sum: files.includes('autogen.sum') ? fs.readFileSync(`${migrations}/autogen.sum`, 'utf8') : '' })
    })
  })
}

it('a SIGINT at any moment, during the write too, leaves the migrations folder whole', async () => {
  const runs: Interrupted[] = []
  // Near the write (the first .partial file, then up to 2 ms on), and at random moments of the whole run.
  for (let i = 0; i < 16; i++) runs.push(await generateInterrupted(Math.random() * 2, false))
  for (let i = 0; i < 8; i++) runs.push(await generateInterrupted(Math.random() * 600, true))
  const broken = runs.filter((r) => r.files.some((f) => f.endsWith('.partial') || f.endsWith('.previous') || (f.endsWith('.ts') && !r.sum.includes(f))))
  expect(broken).toEqual([])
  for (const run of runs) {
    expect(run.signal === 'SIGINT' || run.code === 0).toBe(true)
    expect([[], ['1700000000000-Init.ts', 'autogen.sum', 'entities.snapshot.json']]).toContainEqual([...run.files].sort())
  }
  // The write was interrupted, not only the run before or after it.
  expect(runs.filter((r) => r.signal === 'SIGINT' && r.files.length > 0).length).toBeGreaterThan(0)
}, 120_000)

it.each(['SIGTERM', 'SIGHUP'] as const)('a %s during the write leaves the migrations folder whole too, and ends the process by it', async (signal) => {
  const runs: Interrupted[] = []
  for (let i = 0; i < 8; i++) runs.push(await generateInterrupted(Math.random() * 2, false, signal))
  const broken = runs.filter((r) => r.files.some((f) => f.endsWith('.partial') || f.endsWith('.previous') || (f.endsWith('.ts') && !r.sum.includes(f))))
  expect(broken).toEqual([])
  for (const run of runs) expect(run.signal === signal || run.code === 0).toBe(true)
  expect(runs.filter((r) => r.signal === signal && r.files.length > 0).length).toBeGreaterThan(0)
}, 60_000)
