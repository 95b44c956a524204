import * as fs from 'node:fs'
import * as path from 'node:path'
import type { BenchDialect } from './bench-dialects'
import { applyWideEdits, createDatabase, dropDatabase, writeBenchProject } from './bench-project'
import { type BenchSettings, type ProcessVariant, repoRoot, scratchRoot } from './bench-settings'
import { runInChild } from './child-runner'
import { type ProcessRun, compileProject, installTools, timeProcess, transpileCacheDir, variantCommand } from './process-project'
import { median } from './step-stats'

/** CommandStats summarise the runs of one command: median wall time and the largest peak RSS. */
export interface CommandStats {
  readonly medianMs: number
  readonly runsMs: readonly number[]
  readonly maxRssKb: number
}

/** ProcessPairs are the whole-process runs of one project: a generated one (dialect, size) or the example app. */
export interface ProcessPairs {
  readonly dialect: BenchDialect
  readonly size: number
  readonly variants: Partial<Record<ProcessVariant, CommandStats>>
  /** TypeORM's synchronize() creating the schema, or our upgrade for the example app. */
  readonly setupMs: number
  /** tsc building dist/ for the precompiled path (generated projects only). */
  readonly compileMs?: number
  /** What TypeORM's check printed when it exited non-zero, for the report (example app). */
  readonly typeormFound?: string
}

/** The order of one round: each of ours is followed by a TypeORM path, so the two alternate in time. */
const generatedRound: readonly ProcessVariant[] = ['ours-ts-cold', 'typeorm-ts-node', 'ours-ts-warm', 'typeorm-transpile-only', 'ours-ts-edited', 'typeorm-js', 'ours-js']
const exampleRound: readonly ProcessVariant[] = ['ours-ts-cold', 'typeorm-ts-node', 'ours-ts-warm', 'typeorm-transpile-only', 'ours-ts-edited']
const wideRound: readonly ProcessVariant[] = ['ours-wide', 'typeorm-wide-js']

/** The exit codes each command must end with: `check` finds nothing (0) or a missing migration (1); undefined takes any. */
interface ExpectedExits {
  readonly ours: number
  readonly typeorm: number | undefined
}

/**
 * measureProcessPairs generates a project of `size` entities, creates its schema with TypeORM's synchronize(),
 * compiles it with tsc, then runs every whole-process variant in rounds; then changes every entity (wideEdits),
 * compiles again, runs both checks on the changes in rounds, and drops the database.
 */
export async function measureProcessPairs(dialect: BenchDialect, size: number, settings: BenchSettings, log: (line: string) => void): Promise<ProcessPairs> {
  const project = writeBenchProject(dialect, size)
  installTools(project.dir, ['ormconfig.ts', 'entities'])
  await createDatabase(project)
  const onInterrupt = () => void dropDatabase(project).finally(() => process.exit(130))
  process.once('SIGINT', onInterrupt)
  try {
    log(`${dialect} ${size}: creating the schema with TypeORM's synchronize(), compiling with tsc`)
    const setup = await runInChild({ kind: 'setup', configPath: project.configPath })
    const compileMs = await compileProject(project.dir)
    const label = `${dialect} ${size}`
    const runsOf = (v: ProcessVariant) => settings.processRuns(v, size)
    const inSync = await runRounds(label, project.dir, 'ormconfig.ts', generatedRound, runsOf, {}, log, { ours: 0, typeorm: 0 })
    log(`${label}: changing every entity, compiling with tsc`)
    applyWideEdits(project)
    await compileProject(project.dir)
    const wide = await runRounds(`${label} changed`, project.dir, 'ormconfig.ts', wideRound, runsOf, {}, log, { ours: 1, typeorm: 1 })
    return { dialect, size, variants: { ...inSync.stats, ...wide.stats }, setupMs: setup.ms, compileMs }
  } finally {
    process.removeListener('SIGINT', onInterrupt)
    await dropDatabase(project)
  }
}

/**
 * measureExampleApp copies the repository's example app (ormconfig.ts, entities/, migrations/sqlite/) into a
 * project folder, brings a SQLite file up to date with our `upgrade`, and runs our check and TypeORM's on it.
 */
export async function measureExampleApp(settings: BenchSettings, log: (line: string) => void): Promise<ProcessPairs> {
  const dir = path.join(scratchRoot, 'example-app')
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(path.join(dir, 'migrations'), { recursive: true })
  fs.copyFileSync(path.join(repoRoot, 'ormconfig.ts'), path.join(dir, 'ormconfig.ts'))
  fs.cpSync(path.join(repoRoot, 'entities'), path.join(dir, 'entities'), { recursive: true })
  fs.cpSync(path.join(repoRoot, 'migrations', 'sqlite'), path.join(dir, 'migrations', 'sqlite'), { recursive: true })
  installTools(dir, ['ormconfig.ts', 'entities', 'migrations'])
  const env = { AUTOGEN_SQLITE_FILE: path.join(dir, 'app.sqlite') }
  const entities = fs.readdirSync(path.join(dir, 'entities')).length
  log(`example app: applying its migrations with our upgrade`)
  const upgrade = await timeProcess(['npx', 'typeorm-autogen', 'upgrade'], dir, env)
  if (upgrade.code !== 0) throw new Error(`bench: upgrade of the example app failed:\n${upgrade.output.slice(-2000)}`)
  const rounds = await runRounds('example app', dir, 'ormconfig.ts', exampleRound, (v) => settings.processRuns(v, entities), env, log, { ours: 0, typeorm: undefined })
  return { dialect: 'sqlite', size: entities, variants: rounds.stats, setupMs: upgrade.ms, ...(rounds.typeormFound ? { typeormFound: rounds.typeormFound } : {}) }
}

async function runRounds(
  label: string,
  dir: string,
  config: string,
  round: readonly ProcessVariant[],
  runsOf: (variant: ProcessVariant) => number,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  expected: ExpectedExits,
): Promise<{ stats: Partial<Record<ProcessVariant, CommandStats>>; typeormFound?: string }> {
  const runs = new Map<ProcessVariant, ProcessRun[]>(round.map((v) => [v, []]))
  let typeormFound: string | undefined
  const rounds = Math.max(...round.map(runsOf))
  for (let r = 0; r < rounds; r++) {
    for (const variant of round.filter((v) => r < runsOf(v))) {
      if (variant === 'ours-ts-cold' || variant === 'ours-js' || variant === 'ours-wide') fs.rmSync(transpileCacheDir(dir), { recursive: true, force: true })
      if (variant === 'ours-ts-edited') editOneEntity(dir, r)
      const command = variantCommand(variant, config)
      const run = await timeProcess(command.argv, dir, { ...env, ...command.env })
      log(`  ${label}, round ${r + 1}/${rounds}, ${variant}: ${(run.ms / 1000).toFixed(2)} s, exit ${run.code}, peak RSS ${(run.maxRssKb / 1024).toFixed(0)} MB`)
      const expectedExit = variant.startsWith('ours') ? expected.ours : expected.typeorm
      if (expectedExit !== undefined && run.code !== expectedExit) {
        throw new Error(`bench: ${variant} exited ${run.code} on ${label} (${dir}), not ${expectedExit}:\n${run.output.slice(-3000)}`)
      }
      if (expectedExit === undefined && run.code !== 0) typeormFound = run.output.trim().slice(0, 2000)
      runs.get(variant)!.push(run)
    }
  }
  const stats: Partial<Record<ProcessVariant, CommandStats>> = {}
  for (const [variant, list] of runs) stats[variant] = commandStats(list)
  return { stats, ...(typeormFound === undefined ? {} : { typeormFound }) }
}

/**
 * editOneEntity changes the text of the project's first entity file (a comment, so the schema stays the same):
 * what a run after an edit finds, with one file to transpile and the entity cache out of date.
 */
function editOneEntity(dir: string, round: number): void {
  const entities = path.join(dir, 'entities')
  const first = fs.readdirSync(entities).filter((name) => name.endsWith('.ts')).sort()[0]
  if (first === undefined) throw new Error(`bench: no entity file in ${entities} to edit`)
  fs.appendFileSync(path.join(entities, first), `// bench edit ${round + 1}\n`)
}

/** StartupStats are the start-up commands, timed alternately in one project folder. */
export interface StartupStats {
  readonly runs: number
  readonly nodeAlone: CommandStats
  readonly version: CommandStats
  readonly help: CommandStats
  readonly npxVersion: CommandStats
}

/** measureStartup times `node -e 0`, our `--version` and `--help` (the bin run by node) and `npx typeorm-autogen --version`. */
export async function measureStartup(dir: string, runs: number): Promise<StartupStats> {
  const bin = path.join('node_modules', 'typeorm-autogen', 'bin', 'typeorm-autogen.js')
  const commands = {
    nodeAlone: ['node', '-e', '0'],
    version: ['node', bin, '--version'],
    help: ['node', bin, '--help'],
    npxVersion: ['npx', 'typeorm-autogen', '--version'],
  }
  const results: Record<keyof typeof commands, ProcessRun[]> = { nodeAlone: [], version: [], help: [], npxVersion: [] }
  for (let r = 0; r < runs; r++) {
    for (const [name, argv] of Object.entries(commands) as [keyof typeof commands, string[]][]) {
      const run = await timeProcess(argv, dir)
      if (run.code !== 0) throw new Error(`bench: ${argv.join(' ')} exited ${run.code}:\n${run.output}`)
      results[name].push(run)
    }
  }
  return {
    runs,
    nodeAlone: commandStats(results.nodeAlone),
    version: commandStats(results.version),
    help: commandStats(results.help),
    npxVersion: commandStats(results.npxVersion),
  }
}

function commandStats(runs: readonly ProcessRun[]): CommandStats {
  return { medianMs: median(runs.map((r) => r.ms)), runsMs: runs.map((r) => r.ms), maxRssKb: Math.max(...runs.map((r) => r.maxRssKb)) }
}
