import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { performance } from 'node:perf_hooks'
import { benchmarksDoc, handWrittenSections } from './benchmarks-doc'
import { BenchUsageError, benchSettingNames, readBenchSettings, repoRoot, scratchRoot } from './bench-settings'
import { childFlag, childMain } from './child-runner'
import { runChildTask } from './child-tasks'
import { errorText } from './error-text'
import { machineInfo } from './machine-info'
import { InSyncDiffError, type SizeMeasurement, measureSize } from './measure-size'
import { staleBuildFiles } from './our-api'
import { type ProcessPairs, measureExampleApp, measureProcessPairs, measureStartup } from './process-pairs'
import { installTools } from './process-project'
import { processTable, startupTable, wideChangeTable } from './process-report'
import { textTable } from './report-format'
import { findingsTable, growthLines, timeTable } from './report-tables'

// `npm run bench` (bin/bench.js) lands here; so does every child it starts, with `--bench-child <task>`.
const childAt = process.argv.indexOf(childFlag)
if (childAt >= 0) void childMain(process.argv[childAt + 1], runChildTask)
else void main().then((code) => (process.exitCode = code))

async function main(): Promise<number> {
  const started = performance.now()
  const loadAtStart = os.loadavg()[0]
  const log = (line: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`)
  try {
    const settings = readBenchSettings(process.env)
    const stale = staleBuildFiles()
    if (stale.length > 0) {
      throw new BenchUsageError(`bench: dist/ is older than src/ (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', ...' : ''}): run \`npm run build\` first`)
    }
    fs.mkdirSync(scratchRoot, { recursive: true })
    const machine = await machineInfo(settings.dialects)
    log(`${machine.cores} x ${machine.cpu}, Node ${machine.node}, ${machine.databases.join(', ')}; one-minute load ${loadAtStart.toFixed(2)}`)

    const startupDir = path.join(scratchRoot, 'startup')
    fs.rmSync(startupDir, { recursive: true, force: true })
    fs.mkdirSync(startupDir)
    installTools(startupDir, [])
    log(`start-up: ${settings.startupRuns} rounds of node -e 0, --version, --help, npx --version`)
    const startup = await measureStartup(startupDir, settings.startupRuns)
    const pairs: ProcessPairs[] = []
    for (const dialect of settings.dialects) {
      for (const size of settings.processSizes) pairs.push(await measureProcessPairs(dialect, size, settings, log))
    }
    const exampleApp = settings.exampleApp ? await measureExampleApp(settings, log) : undefined

    const measurements: SizeMeasurement[] = []
    for (const dialect of settings.dialects) {
      for (const size of settings.sizes) measurements.push(await measureSize(dialect, size, settings.runs(size), log))
    }
    const startupRows = startupTable(startup)
    const processRows = processTable(pairs, exampleApp)
    const wideRows = wideChangeTable(pairs)
    process.stdout.write(`\n${textTable(startupRows.header, startupRows.rows, 1)}\n\n${textTable(processRows.header, processRows.rows, 4)}\n\n`)
    if (wideRows.rows.length > 0) process.stdout.write(`${textTable(wideRows.header, wideRows.rows, 2)}\n\n`)
    if (measurements.length > 0) {
      const times = timeTable(measurements)
      const findings = findingsTable(measurements)
      process.stdout.write(`${textTable(times.header, times.rows)}\n\n${textTable(findings.header, findings.rows)}\n\n`)
      for (const line of growthLines(measurements)) process.stdout.write(`${line}\n`)
    }
    for (const m of measurements) {
      if (m.typeorm.changes !== 0) {
        process.stdout.write(`\nTypeORM's log() found ${m.typeorm.changes} up queries on the in-sync ${m.dialect} database of ${m.size} entities, first:\n  ${m.typeormInSyncSample.join('\n  ')}\n`)
      }
    }
    if (settings.reportFile) {
      const command = commandLine()
      const run = { date: new Date(), command, loadAverages: [loadAtStart, os.loadavg()[0]] as const, totalMs: performance.now() - started }
      const handWritten = fs.existsSync(settings.reportFile) ? handWrittenSections(fs.readFileSync(settings.reportFile, 'utf8')) : ''
      fs.writeFileSync(settings.reportFile, benchmarksDoc({ startup, pairs, exampleApp, measurements }, machine, run, handWritten))
      log(`wrote ${settings.reportFile.replace(`${repoRoot}/`, '')}`)
    }
    log('done')
    return 0
  } catch (err) {
    if (err instanceof BenchUsageError) {
      process.stderr.write(`${err.message}\n`)
      return 2
    }
    if (err instanceof InSyncDiffError) {
      process.stderr.write(`\nBENCH FAILED: ${err.message}\n`)
      return 1
    }
    process.stderr.write(`\nbench failed: ${errorText(err)}\n`)
    return 1
  }
}

function commandLine(): string {
  const env = benchSettingNames.flatMap((name) => (process.env[name] ? [`${name}=${process.env[name]}`] : []))
  return [...env, 'npm run bench'].join(' ')
}
