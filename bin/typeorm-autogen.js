#!/usr/bin/env node
'use strict'
// `--version` alone is answered here, before the CLI and yargs load: it is the one command that needs neither.
if (process.argv.length === 3 && process.argv[2] === '--version') {
  process.stdout.write(`${require('../package.json').version}\n`)
} else {
  keepYoungGenerationSmall()
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
