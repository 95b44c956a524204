import { editSummary, wideEditSummary } from './edit-plan'
import type { MachineInfo } from './machine-info'
import type { SizeMeasurement } from './measure-size'
import type { ProcessPairs, StartupStats } from './process-pairs'
import { processGrowthLines, processTable, processTargetLines, startupTable, wideChangeTable } from './process-report'
import { formatMs, formatRatio, markdownTable } from './report-format'
import { editFindingLines, endToEndMs, findingsTable, growthLines, timeTable } from './report-tables'

/** RunContext is how and when the bench ran. */
export interface RunContext {
  readonly date: Date
  readonly command: string
  /** One-minute load averages at the start and the end of the run (the machine may be shared). */
  readonly loadAverages: readonly [number, number]
  readonly totalMs: number
}

/** BenchResults are everything one run measured; `measurements` (the in-process steps) may be empty. */
export interface BenchResults {
  readonly startup: StartupStats
  readonly pairs: readonly ProcessPairs[]
  readonly exampleApp?: ProcessPairs
  readonly measurements: readonly SizeMeasurement[]
}

/** The dialect of the speed targets of issue 13. */
const targetDialect = 'postgres'

/** handWrittenMarker starts the sections measured by hand, which a run of the bench keeps as they are. */
const handWrittenMarker = '<!-- Measured by hand, not by npm run bench: the bench keeps what follows as it is. -->'

/** handWrittenSections is the hand-measured end of an existing BENCHMARKS.md, marker included ('' when none). */
export function handWrittenSections(existing: string): string {
  const at = existing.indexOf(handWrittenMarker)
  if (at >= 0) return existing.slice(at)
  const startup = existing.indexOf('\n## Start-up\n')
  return startup >= 0 ? `${handWrittenMarker}\n${existing.slice(startup)}` : ''
}

/** benchmarksDoc renders BENCHMARKS.md from measured numbers only, followed by the hand-measured sections. */
export function benchmarksDoc(results: BenchResults, machine: MachineInfo, run: RunContext, handWritten: string): string {
  const { startup, pairs, exampleApp, measurements } = results
  const processRows = processTable(pairs, exampleApp)
  const startupRows = startupTable(startup)
  const wideRows = wideChangeTable(pairs)
  return [
    '# Benchmarks',
    '',
    `Measured ${run.date.toISOString().slice(0, 10)} with \`${run.command}\` (code in [bench/](bench/)), ` +
      `${(run.totalMs / 60_000).toFixed(1)} minutes in all. ` +
      'Every number above the hand-measured sections at the end was measured by that run; rerun it to reproduce them on your machine.',
    '',
    '## Machine',
    '',
    `- CPU: ${machine.cpu}, ${machine.cores} cores; ${machine.memoryGb} GB RAM; ${machine.os}`,
    `- Node ${machine.node}, TypeORM ${machine.typeorm}, ${machine.databases.join(', ')}`,
    `- One-minute load average ${run.loadAverages[0].toFixed(2)} at the start and ${run.loadAverages[1].toFixed(2)} at the end ` +
      `of the run (${machine.cores} cores; above ${machine.cores} means other work competed for the CPU: take the ratios, not the seconds).`,
    '',
    '## Whole process',
    '',
    'What users wait for: one command from start to exit, run in the project folder as a user runs it. For each dialect and N, ' +
      'the bench generates a project of N entity files (the entities described under "In process", which `BENCH_SIZES` adds), creates the schema with ' +
      'TypeORM\'s `synchronize()` and builds `dist/` with `tsc`, then runs, alternately in rounds (ours, TypeORM, ours, ...):',
    '',
    '- ours: `node node_modules/typeorm-autogen/bin/typeorm-autogen.js check -c ormconfig.ts` (the bin `npx typeorm-autogen` runs, ' +
      'started by `node` as TypeORM\'s `cli.js` is, so that neither pays for `npx`: the start-up table shows what `npx` adds), with a ' +
      '**cold** cache (`node_modules/.cache/typeorm-autogen`, the transpile and entity caches, removed first), then **warm** with nothing ' +
      'changed (the entity cache answers: no entity file is loaded), then warm after **one entity edited** (a comment appended to the first ' +
      'entity file: one file is transpiled, and every entity file loaded, as after any edit); and the same with `-c dist/ormconfig.js` on ' +
      'the compiled files with no cache (a `.js` config transpiles nothing).',
    '- TypeORM 1.1.1\'s CLI, `node_modules/typeorm/cli.js migration:generate migrations/Bench --check -d <config>` ' +
      '(exits non-zero when it finds changes), on its three paths: `node -r ts-node/register` with type-checking, the same with ' +
      '`TS_NODE_TRANSPILE_ONLY=true`, and `node` on `dist/ormconfig.js` (both tools then load `.js`).',
    '- Both must find the database in sync (exit 0), or the bench fails.',
    '- The example app of this repository (`ormconfig.ts`, `entities/`, `migrations/sqlite/`, copied to `.data/bench/example-app/`), ' +
      'its SQLite file brought up to date by our `upgrade`: our `check` (which also checks the migrations folder) against TypeORM\'s ' +
      '`migration:generate --check` with ts-node, both paths.',
    '',
    'Times are wall-clock medians, from spawn to exit, of the runs in the `runs` column. Peak RSS is GNU time\'s `%M` ' +
      '(`/usr/bin/time -f %M`, the largest of the process and its children), the largest over the runs. ' +
      'Ratios are TypeORM\'s median divided by ours: above 1x we are faster.',
    '',
    markdownTable(processRows.header, processRows.rows, 4),
    '',
    ...processSetupLines(pairs, exampleApp),
    '',
    ...(wideRows.rows.length === 0 ? [] : [
      '### After a change to every entity',
      '',
      `Then the bench changes the entities as a refactoring does (${wideEditSummary}), builds \`dist/\` again, and runs, alternately, ` +
        'our `check -c ormconfig.ts` with a cold transpile cache (every file changed) against TypeORM\'s check on `dist/ormconfig.js`. ' +
        'Both must find the changes (exit 1). Ours also finds the hazards of each change and counts the rows behind them.',
      '',
      markdownTable(wideRows.header, wideRows.rows, 2),
      '',
    ]),
    '### Growth',
    '',
    ...bullets(processGrowthLines(pairs), '(needs two sizes of one dialect)'),
    '',
    '### Targets of issue 13',
    '',
    ...bullets(processTargetLines(pairs, startup, exampleApp, targetDialect), '(nothing measured)'),
    '',
    '### Start-up commands',
    '',
    `Run alternately ${startup.runs} times each in a project folder with typeorm-autogen installed (\`node_modules/typeorm-autogen\`):`,
    '',
    markdownTable(startupRows.header, startupRows.rows, 1),
    '',
    ...(measurements.length === 0 ? [] : inProcessSections(measurements)),
    handWritten.trimEnd(),
    '',
  ].join('\n')
}

/** processSetupLines: what preparing each project took (reference only, not part of any ratio). */
function processSetupLines(pairs: readonly ProcessPairs[], exampleApp: ProcessPairs | undefined): string[] {
  const setups = pairs.map((p) => `${p.dialect} ${p.size}: synchronize() ${formatMs(p.setupMs)}, tsc ${formatMs(p.compileMs ?? Number.NaN)}`)
  if (exampleApp) setups.push(`example app: our upgrade ${formatMs(exampleApp.setupMs)}`)
  const lines = [`Setup, for reference: ${setups.join('; ')}.`]
  if (exampleApp?.typeormFound) {
    lines.push('', `TypeORM\'s check exited non-zero on the example app (our migrations made the schema): it found changes. The start of what it printed:`, '',
      '```', exampleApp.typeormFound.split('\n').slice(0, 12).join('\n'), '```')
  }
  return lines
}

/** inProcessSections are the in-process steps (`BENCH_SIZES`), each step timed inside a child process. */
function inProcessSections(measurements: readonly SizeMeasurement[]): string[] {
  const times = timeTable(measurements)
  const findings = findingsTable(measurements)
  return [
    '## In process',
    '',
    '### What is measured',
    '',
    'For each dialect and N, the bench generates N entity files under `.data/bench/<dialect>-<N>/entities/` ' +
      '(increment key, unique varchar(64), varchar(200), nullable text, integer and boolean defaults, numeric(10,2), ' +
      '`@CreateDateColumn`, an enum (`enum` on PostgreSQL, `simple-enum` on SQLite), a text array with default `{}` on ' +
      'PostgreSQL (`simple-array` on SQLite), three columns typed only by decorator metadata, a single-column index on ' +
      'every other entity, a named composite index, and a nullable `ManyToOne` to an earlier entity with `ON DELETE CASCADE`), ' +
      'creates the schema with TypeORM\'s own `synchronize()`, and then times each step in a fresh Node process ' +
      '(so module caches and peak memory are the step\'s own; peak RSS is `process.resourceUsage().maxRSS`):',
    '',
    '- **load**: `loadProject()` (the config file through our TypeScript loader) plus requiring the N entity files its ' +
      'glob names (TypeORM\'s own glob expansion, each file transpiled by our loader). Every other step starts with the ' +
      'same load, untimed, so no check is timed on loading files.',
    '- **our check**: `compareProject()` after the load, in full: TypeORM builds its entity metadata (the column ' +
      '"of it TypeORM metadata"), we build the entity model, open our own connection, introspect the database, normalize, ' +
      'diff and compile up and down SQL. Load + our check is most of what `typeorm-autogen check` does. On the in-sync database it ' +
      'must find 0 operations, or the bench fails.',
    '- **TypeORM check**: after the same load and an untimed `dataSource.initialize()` (which connects and builds the ' +
      'same metadata), only `await dataSource.driver.createSchemaBuilder().log()`: reading the tables from the catalog and ' +
      'diffing them. Both times include reading the catalog; ours also includes connecting and the metadata build, ' +
      'TypeORM\'s does not: the "speed-up" column favours TypeORM. "speed-up w/o metadata" subtracts TypeORM\'s metadata build, measured inside our check, from our ' +
      'time, which compares the two on the same footing (ours still includes connecting). "speed-up vs initialize() + log()" ' +
      'compares our check with TypeORM\'s as its `migration:generate` runs it after loading the files: `initialize()` ' +
      '(connect, build the metadata) and then `log()`.',
    '- Both tools build TypeORM\'s entity metadata with TypeORM\'s own code. Ours answers its per-entity lookups of ' +
      'the global decorator storage from an index by entity (`src/source/indexed-metadata-args.ts`) instead of ' +
      'TypeORM\'s scan over every entity\'s records, with identical results; TypeORM\'s `initialize()` scans, which ' +
      'is why its metadata build grows with the square of N.',
    `- **after edits**: the same two steps after a fixed set of edits to the entity files (${editSummary}), counting our ` +
      'operations and TypeORM\'s up queries.',
    '',
    'Times are the median of the runs in the `runs` column, each run a fresh process per step. Setup and ' +
      '`initialize()` are shown for reference and are not part of any ratio.',
    '',
    '### Times',
    '',
    markdownTable(times.header, times.rows),
    '',
    'Speed-up is TypeORM\'s time divided by ours.',
    '',
    '### Findings and memory',
    '',
    markdownTable(findings.header, findings.rows),
    '',
    '### What the edits produced',
    '',
    ...bullets(editFindingLines(measurements), '(nothing measured)'),
    '',
    'TypeORM\'s statements are grouped by their leading keywords. Its PostgreSQL driver changes a varchar length by ' +
      'dropping and re-adding the column (`PostgresQueryRunner.changeColumn`), which is why it adds and drops more ' +
      'columns than were edited; on SQLite it changes a table by rebuilding it (create, copy, drop, rename).',
    '',
    '### Growth',
    '',
    ...bullets(growthLines(measurements), '(needs two sizes of one dialect)'),
    '',
    ...targetLines(measurements),
    '',
  ]
}

/** targetLines compares the PostgreSQL numbers with the targets: >= 10x TypeORM at 1,000 tables, t(1000) <= 10 t(100). */
function targetLines(measurements: readonly SizeMeasurement[]): string[] {
  const at = (size: number) => measurements.find((m) => m.dialect === 'postgres' && m.size === size)
  const small = at(100)
  const large = at(1000)
  const lines: string[] = []
  if (large) {
    const own = large.ours.medianWithoutMetadataMs ?? Number.NaN
    const verdict = (ratio: number) => (ratio >= 10 ? 'met' : 'not met')
    lines.push(
      `- Target: at 1,000 tables on PostgreSQL our check is at least 10x faster than TypeORM's: ` +
        `${verdict(large.typeorm.medianMs / large.ours.medianMs)} with our full time ` +
        `(${formatRatio(large.typeorm.medianMs, large.ours.medianMs)}); ` +
        `${verdict(large.typeorm.medianMs / own)} without TypeORM's metadata build (${formatRatio(large.typeorm.medianMs, own)}); ` +
        `${verdict(endToEndMs(large) / large.ours.medianMs)} against TypeORM's initialize() + log() ` +
        `(${formatRatio(endToEndMs(large), large.ours.medianMs)}).`,
    )
  }
  if (small && large) {
    const own = (m: SizeMeasurement) => m.ours.medianWithoutMetadataMs ?? Number.NaN
    const verdict = (ratio: number) => (ratio <= 10 ? 'met' : 'not met')
    lines.push(
      `- Target: our check grows about linearly, t(1000) <= ~10 x t(100) on PostgreSQL: ` +
        `${verdict(large.ours.medianMs / small.ours.medianMs)} with our full time ` +
        `(${formatRatio(large.ours.medianMs, small.ours.medianMs)}); ` +
        `${verdict(own(large) / own(small))} without TypeORM's metadata build (${formatRatio(own(large), own(small))}).`,
    )
  }
  return lines.length === 0 ? [] : ['### Targets', '', ...lines]
}

function bullets(lines: readonly string[], whenEmpty: string): string[] {
  return lines.length === 0 ? [whenEmpty] : lines.map((l) => `- ${l}`)
}
