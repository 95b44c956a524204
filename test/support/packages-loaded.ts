import * as fs from 'node:fs'
import { runBuiltCli } from './run-cli'
import type { TempProject } from './temp-project'

/** LoadingRun is what a run of the built CLI printed, its exit code, and the packages its process required. */
export interface LoadingRun {
  readonly code: number
  readonly stdout: string
  readonly packages: string[]
  /** The folders of src/dialect/ whose modules the run loaded (`postgres`, `sqlite`, `mysql`). */
  readonly dialects: string[]
}

/**
 * packagesLoaded runs the built CLI in `project` and lists the packages (bare requests, and packages of files in
 * require.cache) its process required and the dialects whose modules it loaded, as a preload in that process records them. `stdout` holds stderr too.
 */
export function packagesLoaded(project: TempProject, args: readonly string[], env: NodeJS.ProcessEnv = {}): LoadingRun {
  const log = project.file('loaded.json')
  const preload = project.write('record-loads.cjs', `const Module = require('node:module')
const load = Module._load
const requested = new Set()
Module._load = function (request, ...rest) {
  if (!request.startsWith('.') && !request.startsWith('/') && !request.startsWith('node:')) {
    requested.add(request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0])
  }
  return load.call(this, request, ...rest)
}
process.on('exit', () => {
  // A package can be loaded without a bare request (the TypeScript compiler, from its V8 code cache): its files are in require.cache.
  for (const f of Object.keys(require.cache)) {
    const pkg = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(f)?.[1]
    if (pkg !== undefined) requested.add(pkg.replace(/[\\\\]/g, '/'))
  }
  const dialects = new Set(Object.keys(require.cache).map((f) => /[\\/]src[\\/]dialect[\\/]([^\\/]+)[\\/]/.exec(f)?.[1]).filter(Boolean))
  require('node:fs').writeFileSync(${JSON.stringify(log)}, JSON.stringify({ packages: [...requested], dialects: [...dialects].sort() }))
})
`)
  const run = runBuiltCli(project.dir, args, { ...env, NODE_OPTIONS: `--require ${preload}` })
  const loaded = JSON.parse(fs.readFileSync(log, 'utf8')) as { packages: string[]; dialects: string[] }
  return { code: run.code, stdout: run.stdout + run.stderr, ...loaded }
}
