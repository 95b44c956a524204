'use strict'
// Loaded with Node's own require (see run-cli.ts), never through Jest: this file sees the real `process`,
// the real global object and Node's module cache, which are what the built CLI uses.
const Module = require('node:module')
const path = require('node:path')

const cliModule = path.resolve(__dirname, '../../dist/src/cli/cli.js')
const typeScriptExtensions = ['.ts', '.cts', '.mts']
/** Modules loaded before the first run (Jest's own) stay; every other module outside node_modules is a run's own. */
const loadedBefore = new Set(Object.keys(require.cache))
let previous = Promise.resolve()

/**
 * runInProcess runs the built CLI's runCli(args) in this process as `node bin/typeorm-autogen.js` would run
 * in `cwd` with `env` added and no terminal, and resolves to its exit code and what it printed. Runs are
 * queued, since the current folder and the environment belong to the whole process.
 */
function runInProcess(cwd, args, env) {
  const run = previous.then(() => runAlone(cwd, args, env))
  previous = run.catch(() => undefined)
  return run
}

async function runAlone(cwd, args, env) {
  const printed = { stdout: '', stderr: '' }
  const restore = enterFreshProcess(cwd, env, printed)
  try {
    const { runCli } = require(cliModule)
    const line = (text) => (text.endsWith('\n') ? text : `${text}\n`)
    const code = await runCli(args, { out: (text) => void (printed.stdout += line(text)), err: (text) => void (printed.stderr += line(text)) })
    return { code, ...printed }
  } finally {
    restore()
  }
}

/**
 * enterFreshProcess makes this process look like a new one started in `cwd`: the CLI's modules and the
 * project's files are loaded anew, TypeORM's decorator storage (kept on the global object) starts empty, no
 * `.ts` hook is installed, and stdin/stdout/stderr are not terminals. What the CLI or libraries write to
 * stdout/stderr directly (yargs' --help) is captured in `printed`. Returns the function that undoes it all.
 */
function enterFreshProcess(cwd, env, printed) {
  const undo = []
  forgetRunModules()
  delete globalThis.typeormMetadataArgsStorage
  undo.push(() => {
    forgetRunModules()
    delete globalThis.typeormMetadataArgsStorage
  })

  const resolveFilename = Module._resolveFilename
  const handlers = typeScriptExtensions.map((extension) => Module._extensions[extension])
  for (const extension of typeScriptExtensions) delete Module._extensions[extension]
  undo.push(() => {
    Module._resolveFilename = resolveFilename
    typeScriptExtensions.forEach((extension, i) => {
      if (handlers[i] === undefined) delete Module._extensions[extension]
      else Module._extensions[extension] = handlers[i]
    })
  })

  const folder = process.cwd()
  process.chdir(cwd)
  undo.push(() => process.chdir(folder))

  const environment = { ...process.env }
  // FORCE_COLOR (which jest sets for its workers in a terminal) would colour the CLI's output, as in runBuiltCli.
  delete process.env.FORCE_COLOR
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  undo.push(() => {
    for (const key of Object.keys(process.env)) if (!(key in environment)) delete process.env[key]
    Object.assign(process.env, environment)
  })

  for (const stream of [process.stdin, process.stdout, process.stderr]) {
    const own = Object.getOwnPropertyDescriptor(stream, 'isTTY')
    Object.defineProperty(stream, 'isTTY', { value: undefined, configurable: true, writable: true })
    undo.push(() => (own === undefined ? delete stream.isTTY : Object.defineProperty(stream, 'isTTY', own)))
  }
  for (const name of ['stdout', 'stderr']) {
    const stream = process[name]
    const write = stream.write
    stream.write = (chunk, ...rest) => {
      printed[name] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
      const callback = rest.find((arg) => typeof arg === 'function')
      if (callback !== undefined) process.nextTick(callback)
      return true
    }
    undo.push(() => (stream.write = write))
  }

  const exit = process.exit
  process.exit = (code) => {
    throw new Error(`the CLI called process.exit(${code}) in-process: it must return its exit code instead`)
  }
  undo.push(() => (process.exit = exit))

  return () => {
    for (const step of undo.reverse()) step()
  }
}

/**
 * forgetRunModules removes a run's modules from the cache, and from the `children` of the modules that stay
 * (TypeORM requires migration and entity files), so that nothing keeps them or what they hold alive.
 */
function forgetRunModules() {
  const forgotten = new Set()
  for (const [file, cached] of Object.entries(require.cache)) {
    if (loadedBefore.has(file) || file.split(path.sep).includes('node_modules')) continue
    forgotten.add(cached)
    delete require.cache[file]
  }
  if (forgotten.size === 0) return
  for (const parent of [...Object.values(require.cache), require.main, module]) {
    if (parent?.children?.some((child) => forgotten.has(child))) parent.children = parent.children.filter((child) => !forgotten.has(child))
  }
}

module.exports = { runInProcess }
