#!/usr/bin/env node
// npm run fuzz -- --cases N [--seed S] [--dialect sqlite|postgres|mariadb] (or FUZZ_DIALECTS=mariadb; default all three) [--edits kind,...]
// [--typeorm 0.3|1.0]: runs N random schema pairs per dialect through test/property/round-trip.test.ts and prints
// "<dialect>: N cases, F failures" for each. Exit 1 on any failure. --typeorm runs them on an older TypeORM
// (the devDependency typeorm-0.3 or typeorm-1.0, in place of typeorm wherever it is required).
const { spawnSync } = require('node:child_process')
const { mkdtempSync, readFileSync, writeFileSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { join } = require('node:path')

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback
}
const cases = Number(option('cases', '100'))
if (!Number.isInteger(cases) || cases < 1) {
  console.error('fuzz: --cases must be a positive whole number')
  process.exit(2)
}
const dialects = option('dialect', process.env.FUZZ_DIALECTS ?? 'sqlite,postgres,mariadb')
const unknown = dialects.split(',').filter((d) => !['sqlite', 'postgres', 'mariadb'].includes(d))
if (unknown.length > 0) {
  // The round trip would otherwise run them with another database's quoting, and report nearly every case as failed.
  console.error(`fuzz: --dialect ${unknown.join(',')} is none of sqlite, postgres and mariadb (MySQL's cases run on MariaDB: --dialect mariadb)`)
  process.exit(2)
}
const edits = option('edits', undefined)
if (edits !== undefined) {
  const source = readFileSync(join(__dirname, 'schema-edits.ts'), 'utf8')
  const known = new Set([...source.slice(source.indexOf('export const editKinds'), source.indexOf('] as const')).matchAll(/'(\w+)'/g)].map((m) => m[1]))
  const wrong = edits.split(',').filter((kind) => !known.has(kind))
  if (wrong.length > 0) {
    console.error(`fuzz: --edits ${wrong.join(',')} is not an edit kind (see editKinds in test/property/schema-edits.ts)`)
    process.exit(2)
  }
}
const olderTypeorm = option('typeorm', undefined)
if (olderTypeorm !== undefined && !['0.3', '1.0'].includes(olderTypeorm)) {
  console.error(`fuzz: --typeorm ${olderTypeorm} is neither 0.3 nor 1.0 (the devDependencies typeorm-0.3 and typeorm-1.0; without it, typeorm)`)
  process.exit(2)
}
const report = join(mkdtempSync(join(tmpdir(), 'autogen-fuzz-')), 'report.txt')
writeFileSync(report, '')
const env = {
  ...process.env,
  FUZZ_REPORT: report,
  FUZZ_CASES: String(cases),
  FUZZ_SEED: option('seed', String(Date.now() % 1_000_000_000)),
  FUZZ_DIALECTS: dialects,
  ...(edits !== undefined && { FUZZ_EDITS: edits }),
}
const jest = require.resolve('jest/bin/jest')
const root = join(__dirname, '..', '..')
const older = olderTypeorm === undefined ? [] : ['--config', JSON.stringify({
  ...require(join(root, 'jest.config.js')),
  rootDir: root,
  moduleNameMapper: { '^typeorm$': join(root, 'node_modules', `typeorm-${olderTypeorm}`), '^typeorm/(.*)$': join(root, 'node_modules', `typeorm-${olderTypeorm}`, '$1') },
})]
const run = spawnSync(process.execPath, [jest, ...older, '--ci', '--silent', 'test/property/round-trip.test.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
const lines = readFileSync(report, 'utf8').trimEnd().split('\n').filter(Boolean)
for (const line of lines) console.log(line)
const totals = lines.filter((line) => / cases, \d+ failures/.test(line))
if (totals.length === 0) console.log('fuzz: no result (see the jest output above)')
process.exit(run.status === 0 && totals.every((line) => / 0 failures/.test(line)) ? 0 : 1)
