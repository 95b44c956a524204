import * as path from 'node:path'

/** BenchUsageError is a mistake in how the bench was started (settings, stale build): its message says it all. */
export class BenchUsageError extends Error {}

/** BenchDialect is a database the benchmark runs on. */
export type BenchDialect = 'postgres' | 'sqlite'

/** repoRoot is the repository the benchmark lives in; scratch files go under `.data/bench/` (git-ignored). */
export const repoRoot = path.resolve(__dirname, '..')
export const scratchRoot = path.join(repoRoot, '.data', 'bench')
export const benchEntry = path.join(repoRoot, 'bin', 'bench.js')

export const postgresServer = { host: '127.0.0.1', port: 5432, user: 'postgres' } as const

/** BenchSettings say what to measure; read from the environment so quick runs need no code change. */
export interface BenchSettings {
  /** Numbers of entities (and tables) to measure, from `BENCH_SIZES=100,300,1000`. */
  readonly sizes: readonly number[]
  /** Dialects to measure, from `BENCH_DIALECTS=postgres,sqlite`. */
  readonly dialects: readonly BenchDialect[]
  /** Runs of each timed step at each size, from `BENCH_RUNS` (default: runsFor). */
  readonly runs: (size: number) => number
  /** Where the report is written, from `BENCH_REPORT` (default `BENCHMARKS.md`; `-` writes none). */
  readonly reportFile: string | undefined
}

export function readBenchSettings(env: NodeJS.ProcessEnv): BenchSettings {
  const sizes = (env.BENCH_SIZES ?? '100,300,1000').split(',').map((s) => s.trim()).filter((s) => s !== '')
  const parsedSizes = sizes.map((s) => {
    const n = Number(s)
    if (!Number.isInteger(n) || n < 10) throw new BenchUsageError(`bench: BENCH_SIZES must list integers >= 10, got "${s}"`)
    return n
  })
  const dialects = (env.BENCH_DIALECTS ?? 'postgres,sqlite').split(',').map((s) => s.trim()).filter((s) => s !== '')
  for (const d of dialects) {
    if (d !== 'postgres' && d !== 'sqlite') throw new BenchUsageError(`bench: BENCH_DIALECTS lists postgres and/or sqlite, got "${d}"`)
  }
  const runs = env.BENCH_RUNS === undefined ? undefined : Number(env.BENCH_RUNS)
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1)) throw new BenchUsageError(`bench: BENCH_RUNS must be a positive integer, got "${env.BENCH_RUNS}"`)
  const report = env.BENCH_REPORT ?? 'BENCHMARKS.md'
  return {
    sizes: parsedSizes,
    dialects: dialects as BenchDialect[],
    runs: (size) => runs ?? runsFor(size),
    reportFile: report === '-' ? undefined : path.resolve(repoRoot, report),
  }
}

/**
 * runsFor is how many times each timed step runs at size `n` (the median is reported): 3 up to 1,000 entities,
 * which keeps the default bench near 10 minutes on 2 cores, and 1 beyond.
 */
export function runsFor(n: number): number {
  return n <= 1000 ? 3 : 1
}
