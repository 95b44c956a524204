import * as fs from 'node:fs'
import Module from 'node:module'
import * as path from 'node:path'
import * as vm from 'node:vm'
import type * as TypeScript from 'typescript'
import { writeCacheBytes } from './cache-files'
import { transpileCacheDirFor } from './transpile-cache'

let loaded: typeof TypeScript | undefined

/**
 * loadTypeScript requires the TypeScript compiler, once per process. V8 takes about 130 ms to compile its one
 * 9 MB file, on every run that needs it (a file missing from the transpile cache, an edited entity); with V8's
 * code cache for that file, kept in the transpile cache folder of the project of `nearFile` (Node 22's own
 * compile cache does the same for every module), it takes a few. A missing cache is made as the file compiles;
 * one V8 rejects (made under other V8 flags) is removed, for the next run to make again; where none can be kept,
 * the compiler is simply required.
 */
export function loadTypeScript(nearFile: string): typeof TypeScript {
  if (loaded !== undefined) return loaded
  const file = require.resolve('typescript')
  const required = require.cache[file]
  if (required?.loaded === true) return (loaded = required.exports as typeof TypeScript)
  const dir = transpileCacheDirFor(path.dirname(path.resolve(nearFile)))
  const cacheFile = dir === undefined ? undefined : path.join(dir, codeCacheName())
  loaded = (cacheFile === undefined ? require(file) : requireWithCodeCache(file, cacheFile)) as typeof TypeScript
  return loaded
}

/** typeScriptVersion is the version of the TypeScript compiler loadTypeScript loads, read without loading it. */
export function typeScriptVersion(): string {
  packageVersion ??= (JSON.parse(fs.readFileSync(require.resolve('typescript/package.json'), 'utf8')) as { version: string }).version
  return packageVersion
}

let packageVersion: string | undefined

/** codeCacheName names the code cache of the compiler by everything V8 checks it against, so that versions do not take turns. */
function codeCacheName(): string {
  return `typescript-${typeScriptVersion()}-node-${process.version}-${process.arch}.v8-code-cache`
}

/** What vm.compileFunction gives with `cachedData` or `produceCachedData`. */
type CompiledFunction = ((...args: unknown[]) => void) & { readonly cachedData?: Buffer; readonly cachedDataRejected?: boolean }

/**
 * requireWithCodeCache loads a CommonJS file as `require` does (the same wrapper's parameters, module object and
 * `require.cache` entry), compiled with V8's cached data from `cacheFile`, or making it there when it is missing.
 */
function requireWithCodeCache(file: string, cacheFile: string): unknown {
  let cachedData: Buffer | undefined
  try {
    cachedData = fs.readFileSync(cacheFile)
  } catch {
    cachedData = undefined // not cached yet
  }
  const compiled = vm.compileFunction(fs.readFileSync(file, 'utf8'), ['exports', 'require', 'module', '__filename', '__dirname'], {
    filename: file,
    cachedData,
    produceCachedData: cachedData === undefined,
  }) as CompiledFunction
  if (compiled.cachedData !== undefined) writeCacheBytes(cacheFile, compiled.cachedData)
  // Made by other V8 flags: the next run, finding none, makes one for these.
  if (compiled.cachedDataRejected === true) fs.rmSync(cacheFile, { force: true })
  const module = new Module(file)
  module.filename = file
  require.cache[file] = module
  try {
    compiled.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file))
  } catch (err) {
    delete require.cache[file]
    throw err
  }
  module.loaded = true
  return module.exports
}
