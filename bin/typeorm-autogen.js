#!/usr/bin/env node
'use strict'
// `--version` alone is answered here, before the CLI and yargs load: it is the one command that needs neither.
if (process.argv.length === 3 && process.argv[2] === '--version') {
  process.stdout.write(`${require('../package.json').version}\n`)
} else {
  require('../dist/src/cli/main.js')
}
