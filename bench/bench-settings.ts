import * as path from 'node:path'
import { type BenchDialect, benchDialectNames, defaultBenchDialects } from './bench-dialects'

/** BenchUsageError is a mistake in how the bench was started (settings, stale build): its message says it all. */
export class BenchUsageError extends Error {}

/** repoRoot is the repository the benchmark lives in; scratch files go under `.data/bench/` (git-ignored). */
export const repoRoot = path.resolve(__dirname, '..')
export const scratchRoot = path.join(repoRoot, '.data', 'bench')
export const benchEntry = path.join(repoRoot, 'bin', 'bench.js')

/** ProcessVariant names one whole-process command of a pair: ours or TypeORM's, on one way of loading files. */
export type ProcessVariant =
  | 'ours-ts-cold' | 'ours-ts-warm' | 'ours-js' | 'typeorm-ts-node' | 'typeorm-transpile-only' | 'typeorm-js'
  /** Ours on `.ts` with warm caches after one entity file's text changed: the entity cache misses, one file is transpiled. */
  | 'ours-ts-edited'
  /** After a change to every entity (wideEdits): ours on `.ts` with a cold cache, TypeORM on the rebuilt dist/. */
  | 'ours-wide' | 'typeorm-wide-js'

/** BenchSettings say what to measure; read from the environment so quick runs need no code change. */
export interface BenchSettings {
  /** Dialects to measure, from `BENCH_DIALECTS=postgres,sqlite,mariadb` (default: defaultBenchDialects). */
  readonly dialects: readonly BenchDialect[]
  /** Numbers of entities of the whole-process pairs, from `BENCH_PROCESS_SIZES` (default 100,1000; `-` none). */
  readonly processSizes: readonly number[]
  /** Runs of one whole-process command at a size, from `BENCH_PROCESS_RUNS` (default: processRunsFor). */
  readonly processRuns: (variant: ProcessVariant, size: number) => number
  /** Runs of each start-up command (`--version`, `--help`), from `BENCH_STARTUP_RUNS` (default 21). */
  readonly startupRuns: number
  /** Whether to time the example app of the repository, from `BENCH_EXAMPLE_APP` (default 1; 0 skips it). */
  readonly exampleApp: boolean
  /** Numbers of entities of the in-process steps, from `BENCH_SIZES` (default none: they take 10 minutes). */
  readonly sizes: readonly number[]
  /** Runs of each in-process step at each size, from `BENCH_RUNS` (default: runsFor). */
  readonly runs: (size: number) => number
  /** Where the report is written, from `BENCH_REPORT` (default `BENCHMARKS.md`; `-` writes none). */
  readonly reportFile: string | undefined
}

/** benchSettingNames are the environment variables readBenchSettings reads, for the report's command line. */
export const benchSettingNames = [
  'BENCH_DIALECTS', 'BENCH_PROCESS_SIZES', 'BENCH_PROCESS_RUNS', 'BENCH_STARTUP_RUNS', 'BENCH_EXAMPLE_APP', 'BENCH_SIZES', 'BENCH_RUNS',
] as const

export function readBenchSettings(env: NodeJS.ProcessEnv): BenchSettings {
  const dialects = listOf(env.BENCH_DIALECTS ?? defaultBenchDialects.join(','))
  for (const d of dialects) {
    if (!(benchDialectNames as string[]).includes(d)) throw new BenchUsageError(`bench: BENCH_DIALECTS lists ${benchDialectNames.join(', ')}, got "${d}"`)
  }
  const processRuns = optionalCount('BENCH_PROCESS_RUNS', env.BENCH_PROCESS_RUNS)
  const runs = optionalCount('BENCH_RUNS', env.BENCH_RUNS)
  const report = env.BENCH_REPORT ?? 'BENCHMARKS.md'
  return {
    dialects: dialects as BenchDialect[],
    processSizes: sizesOf('BENCH_PROCESS_SIZES', env.BENCH_PROCESS_SIZES ?? '100,1000'),
    processRuns: (variant, size) => processRuns ?? processRunsFor(variant, size),
    startupRuns: optionalCount('BENCH_STARTUP_RUNS', env.BENCH_STARTUP_RUNS) ?? 21,
    exampleApp: (env.BENCH_EXAMPLE_APP ?? '1') !== '0',
    sizes: sizesOf('BENCH_SIZES', env.BENCH_SIZES ?? '-'),
    runs: (size) => runs ?? runsFor(size),
    reportFile: report === '-' ? undefined : path.resolve(repoRoot, report),
  }
}

/**
 * processRunsFor is how many times a whole-process command runs at `size` entities (the median is reported): 3 up
 * to 100 entities (2 for TypeORM's ts-node type-checking); beyond, 2, and once for TypeORM's two ts-node paths
 * (the slowest commands, up to minutes a run at 1,000): the default bench stays near 15 minutes on 2 quiet cores.
 */
export function processRunsFor(variant: ProcessVariant, size: number): number {
  if (size <= 100) return variant === 'typeorm-ts-node' ? 2 : 3
  return variant === 'typeorm-ts-node' || variant === 'typeorm-transpile-only' ? 1 : 2
}

/** runsFor is how many times each in-process step runs at size `n`: 3 up to 1,000 entities, 1 beyond. */
export function runsFor(n: number): number {
  return n <= 1000 ? 3 : 1
}

function listOf(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '' && s !== '-')
}

function sizesOf(name: string, text: string): number[] {
  return listOf(text).map((s) => {
    const n = Number(s)
    if (!Number.isInteger(n) || n < 10) throw new BenchUsageError(`bench: ${name} must list integers >= 10 (or -), got "${s}"`)
    return n
  })
}

function optionalCount(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const n = Number(text)
  if (!(Number.isInteger(n) && n >= 1)) throw new BenchUsageError(`bench: ${name} must be a positive integer, got "${text}"`)
  return n
}
