import fs = require('node:fs')
import * as path from 'node:path'

/**
 * RecordedInputs are what code read while it ran, beyond its own modules: environment variables (by name,
 * with the value first read, undefined when unset), and files and folders read through `fs`.
 */
export interface RecordedInputs {
  readonly env: ReadonlyMap<string, string | undefined>
  /** The code listed the environment (spread it, enumerated its keys): every variable is an input. */
  readonly wholeEnv: boolean
  readonly files: ReadonlySet<string>
  readonly folders: ReadonlySet<string>
  /** Modules the code loaded (CommonJS, absolute paths). */
  readonly modules: readonly string[]
}

/**
 * recordInputs runs `work` with `process.env` and `fs`'s read functions watched, and returns what it read.
 * Modules loaded meanwhile are what `require.cache` gained. Reads by code that kept its own reference to
 * the environment object or to an `fs` function before the recording began go unseen.
 */
export async function recordInputs<T>(work: () => Promise<T>): Promise<{ readonly value: T; readonly inputs: RecordedInputs }> {
  const env = new Map<string, string | undefined>()
  const files = new Set<string>()
  const folders = new Set<string>()
  let wholeEnv = false
  const modulesBefore = new Set(Object.keys(require.cache))
  const originalEnv = process.env
  const note = (key: string | symbol) => {
    if (typeof key === 'string' && !env.has(key)) env.set(key, originalEnv[key])
  }
  process.env = new Proxy(originalEnv, {
    get: (target, key) => (note(key), Reflect.get(target, key)),
    has: (target, key) => (note(key), Reflect.has(target, key)),
    getOwnPropertyDescriptor: (target, key) => (note(key), Reflect.getOwnPropertyDescriptor(target, key)),
    ownKeys: (target) => ((wholeEnv = true), Reflect.ownKeys(target)),
  })
  const restoreFs = watchFs(files, folders)
  try {
    const value = await work()
    const modules = Object.keys(require.cache).filter((file) => !modulesBefore.has(file))
    return { value, inputs: { env, wholeEnv, files, folders, modules } }
  } finally {
    process.env = originalEnv
    restoreFs()
  }
}

const fileReaders = ['readFileSync', 'readFile', 'existsSync', 'statSync', 'lstatSync', 'accessSync', 'createReadStream', 'openSync'] as const
const folderReaders = ['readdirSync', 'readdir', 'opendirSync', 'opendir'] as const
type Patched = (typeof fileReaders)[number] | (typeof folderReaders)[number]

/** watchFs wraps fs's reading functions to note the paths they read; it returns what undoes that. */
function watchFs(files: Set<string>, folders: Set<string>): () => void {
  const notePath = (into: Set<string>, target: unknown) => {
    if (typeof target === 'string') into.add(path.resolve(target))
    else if (target instanceof URL && target.protocol === 'file:') into.add(path.resolve(decodeURIComponent(target.pathname)))
  }
  const originals = new Map<Patched, unknown>()
  const writable = fs as unknown as Record<Patched, (...args: unknown[]) => unknown>
  const watch = (name: Patched, into: Set<string>) => {
    const original = writable[name]
    originals.set(name, original)
    writable[name] = function (this: unknown, ...args: unknown[]) {
      // fs opens the files it writes through openSync too: only a file opened for reading is an input.
      if (name !== 'openSync' || args[1] === undefined || args[1] === 'r') notePath(into, args[0])
      return original.apply(this, args)
    }
  }
  for (const name of fileReaders) watch(name, files)
  for (const name of folderReaders) watch(name, folders)
  const promises = fs.promises as unknown as Record<'readFile' | 'readdir', (...args: unknown[]) => unknown>
  const promiseOriginals = { readFile: promises.readFile, readdir: promises.readdir }
  promises.readFile = (...args: unknown[]) => (notePath(files, args[0]), promiseOriginals.readFile.apply(fs.promises, args))
  promises.readdir = (...args: unknown[]) => (notePath(folders, args[0]), promiseOriginals.readdir.apply(fs.promises, args))
  return () => {
    for (const [name, original] of originals) writable[name] = original as (...args: unknown[]) => unknown
    Object.assign(promises, promiseOriginals)
  }
}

/** mergeInputs is what two recordings read together; the earlier one's first values stand. */
export function mergeInputs(first: RecordedInputs, second: RecordedInputs): RecordedInputs {
  const env = new Map(second.env)
  for (const [key, value] of first.env) env.set(key, value)
  return {
    env,
    wholeEnv: first.wholeEnv || second.wholeEnv,
    files: new Set([...first.files, ...second.files]),
    folders: new Set([...first.folders, ...second.folders]),
    modules: [...new Set([...first.modules, ...second.modules])],
  }
}
