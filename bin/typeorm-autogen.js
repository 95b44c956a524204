#!/usr/bin/env node
'use strict'
// `--version` alone is answered here, before the CLI and yargs load: it is the one command that needs neither.
if (process.argv.length === 3 && process.argv[2] === '--version') {
  process.stdout.write(`${require('../package.json').version}\n`)
} else {
  keepYoungGenerationSmall()
  growOldGenerationLess()
  optimizeLater()
  require('../dist/src/cli/main.js')
}

/**
 * V8 grows its young generation to 32 MB (two 16 MB semi-spaces) when much of what a command allocates lives on,
 * as the metadata of a thousand entities does; kept at its starting size, a run's peak RSS is 30 MB lower, at the
 * same speed (BENCHMARKS.md). The growth factor is read at each growth, so it can be set once the process runs,
 * where the size flags cannot. Semi-space flags of the user's own (NODE_OPTIONS, `node --...`) win.
 */
function keepYoungGenerationSmall() {
  const given = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`
  if (/semi[-_]space/.test(given)) return
  require('node:v8').setFlagsFromString('--semi-space-growth-factor=1')
}

/**
 * Between two full collections V8 lets the old generation grow to up to four times what the last one kept, and a
 * command's peak RSS is that growth: a check of 1,000 changed entities kept 36 MB after one, grew to 148 MB, then
 * kept 68 MB. Grown by half at most, its peak RSS is 50 MB lower (BENCHMARKS.md); the few more full collections
 * cost little beside the young generation's. The percentage is read at each collection, so it can be set once the
 * process runs. One of the user's own (NODE_OPTIONS, `node --...`) wins.
 */
function growOldGenerationLess() {
  const given = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`
  if (/heap[-_]growing[-_]percent/.test(given)) return
  require('node:v8').setFlagsFromString('--heap-growing-percent=50')
}

/**
 * A command runs for a second or two, mostly through code it runs a few times. With 32 times V8's interrupt
 * budget, a function is optimized after 32 times the work: the code that stays hot still is, and a run no longer
 * compiles, on a second thread, code it leaves soon after. A check of 100 entities takes 5 MB less peak RSS and
 * is as fast or faster, at 1,000 entities as well (BENCHMARKS.md). A budget of the user's own (`node --interrupt-budget=...`,
 * which NODE_OPTIONS cannot give) wins.
 */
function optimizeLater() {
  if (process.execArgv.some((flag) => /interrupt[-_]budget/.test(flag))) return
  require('node:v8').setFlagsFromString('--interrupt-budget=2162688')
}
