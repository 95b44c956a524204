#!/usr/bin/env node
'use strict'
// `npm run bench`: runs bench/main.ts through the project's own TypeScript loader, built by `npm run build`.
const path = require('node:path')

let loader
try {
  loader = require('../dist/src/source/typescript-loader.js')
} catch (err) {
  console.error('bench: dist/src/source/typescript-loader.js is missing: run `npm run build` first')
  process.exit(2)
}
loader.registerTypeScriptLoader()
require(path.join(__dirname, '..', 'bench', 'main.ts'))
