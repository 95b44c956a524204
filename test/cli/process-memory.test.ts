import * as fs from 'node:fs'
import { runBuiltCli } from '../support/run-cli'
import { type TempProject, tempProject } from '../support/temp-project'

// Four settings keep the CLI's peak RSS down (BENCHMARKS.md): V8's young generation stays at its starting size,
// its old generation grows by half at most between full collections, V8 optimizes later, and SWC's allocator
// commits memory as it uses it. A user's own setting of each wins.

let project: TempProject
afterEach(() => project.remove())

/**
 * youngGenerationAfterLoad runs the built CLI with a preload that, as the process exits, allocates 300,000 objects
 * that stay alive and reads the size of V8's young generation (new space), which such a load grows unless kept.
 */
function youngGenerationAfterLoad(nodeOptions: string): number {
  project = tempProject()
  const log = project.file('new-space.json')
  const preload = project.write('measure-new-space.cjs', `process.on('exit', () => {
  const kept = []
  for (let i = 0; i < 300000; i++) kept.push({ i, name: 'x' + i })
  const newSpace = require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')
  require('node:fs').writeFileSync(${JSON.stringify(log)}, JSON.stringify({ megabytes: newSpace.space_size / 1048576, kept: kept.length }))
})
`)
  const run = runBuiltCli(project.dir, ['--help'], { NODE_OPTIONS: `${nodeOptions} --require ${preload}`.trim() })
  expect(run.code).toBe(0)
  return (JSON.parse(fs.readFileSync(log, 'utf8')) as { megabytes: number }).megabytes
}

test('the CLI keeps V8\'s young generation at its starting size, where a load would grow it to 32 MB', () => {
  expect(youngGenerationAfterLoad('')).toBeLessThanOrEqual(2)
})

test('a semi-space size the user gives in NODE_OPTIONS is left as it is', () => {
  expect(youngGenerationAfterLoad('--max-semi-space-size=4')).toBe(8)
})

/**
 * oldGenerationGrowth runs the built CLI's `--help` under `node` with the given flags and a preload that, as the
 * process exits, keeps 300,000 objects alive, then makes 4,000 arrays each kept for 100 rounds (long enough to
 * move to the old generation) and dropped; it gives how far the old generation's use grew over the least it held
 * once the load ran.
 */
function oldGenerationGrowth(nodeFlags: readonly string[]): number {
  project = tempProject()
  const log = project.file('old-space.json')
  const preload = project.write('measure-old-space.cjs', `process.on('exit', () => {
  const oldUsed = () => require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_used_size
  const kept = []
  for (let i = 0; i < 300000; i++) kept.push({ i, name: 'x' + i })
  const recent = new Array(100)
  let largest = 0
  let least = Infinity
  for (let round = 0; round < 4000; round++) {
    const chunk = []
    for (let j = 0; j < 1000; j++) chunk.push({ j })
    recent[round % recent.length] = chunk
    if (round % 20 === 0) {
      largest = Math.max(largest, oldUsed())
      if (round > 500) least = Math.min(least, oldUsed())
    }
  }
  require('node:fs').writeFileSync(${JSON.stringify(log)}, JSON.stringify({ growth: largest / least, kept: kept.length }))
})
`)
  const run = runBuiltCli(project.dir, ['--help'], {}, [...nodeFlags, '--require', preload])
  expect(run.code).toBe(0)
  return (JSON.parse(fs.readFileSync(log, 'utf8')) as { growth: number }).growth
}

test('the CLI lets V8\'s old generation grow by half between full collections, where V8 alone lets it grow fourfold', () => {
  expect(oldGenerationGrowth([])).toBeLessThan(2.5)
})

test('a heap growing percentage the user gives on node\'s command line is left as it is', () => {
  expect(oldGenerationGrowth(['--heap-growing-percent=300'])).toBeGreaterThan(2.5)
})

const entityTs = `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('thing')
export class Thing {
  @PrimaryGeneratedColumn() id: number
  @Column() name: string
}
`

/** swcAllocatorOption is what SWC's allocator (mimalloc, verbose) says its arena_eager_commit option is, in a run that transpiles. */
function swcAllocatorOption(env: NodeJS.ProcessEnv): string | undefined {
  project = tempProject({
    'ormconfig.ts': `import { DataSource } from 'typeorm'
import { Thing } from './thing'
export default new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Thing] })
`,
    'thing.ts': entityTs,
  })
  const run = runBuiltCli(project.dir, ['diff', '-c', 'ormconfig.ts'], { MIMALLOC_VERBOSE: '1', ...env })
  expect(run.stdout).toContain('CREATE TABLE "thing"')
  return /option 'arena_eager_commit': (\d+)/.exec(run.stderr)?.[1]
}

test('SWC\'s allocator commits memory as it is used', () => {
  expect(swcAllocatorOption({})).toBe('0')
})

test('SWC\'s allocator keeps a commit setting the user gives', () => {
  expect(swcAllocatorOption({ MIMALLOC_ARENA_EAGER_COMMIT: '2' })).toBe('2')
})

/**
 * optimizedAfterCalls runs the built CLI's `--help` under `node` with the given flags and a preload that, as the
 * process exits, calls a small function 50,000 times from one V8 never optimizes, and says whether V8 optimized it, or marked it or started it
 * for optimization (bits of %GetOptimizationStatus): with V8's own interrupt budget it has.
 */
function optimizedAfterCalls(nodeFlags: readonly string[]): boolean {
  project = tempProject()
  const log = project.file('optimization.json')
  // drive is never optimized: V8 would otherwise optimize its loop while it runs, now and then with hot inlined
  // into it, and hot itself then never is.
  const preload = project.write('measure-optimization.cjs', `process.on('exit', () => {
  function hot(x) { return x + 1 }
  function drive() { let sum = 0; for (let i = 0; i < 50000; i++) sum = hot(sum); return sum }
  %NeverOptimizeFunction(drive)
  const sum = drive()
  require('node:fs').writeFileSync(${JSON.stringify(log)}, JSON.stringify({ status: %GetOptimizationStatus(hot), sum }))
})
`)
  const run = runBuiltCli(project.dir, ['--help'], {}, ['--allow-natives-syntax', ...nodeFlags, '--require', preload])
  expect(run.code).toBe(0)
  const { status } = JSON.parse(fs.readFileSync(log, 'utf8')) as { status: number }
  const optimized = 1 << 4
  const turboFanned = 1 << 6
  const marked = (1 << 8) | (1 << 9) | (1 << 10)
  return (status & (optimized | turboFanned | marked)) !== 0
}

test('the CLI optimizes a function after more calls than V8 alone does', () => {
  expect(optimizedAfterCalls([])).toBe(false)
})

test('an interrupt budget the user gives on node\'s command line is left as it is', () => {
  expect(optimizedAfterCalls(['--interrupt-budget=67584'])).toBe(true)
})
