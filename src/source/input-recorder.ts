import { createHash } from 'node:crypto'
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
  /**
   * What each file read whole (`readFileSync`) held as it was read; undefined for a file that changed while it
   * was read, or between two reads. Not kept for files in node_modules, which change only by an install.
   */
  readonly contents: ReadonlyMap<string, FileContent | undefined>
  readonly folders: ReadonlySet<string>
  /** The listingHash of what each folder listed with `readdirSync` held as it was listed; undefined where two listings differed. */
  readonly listings: ReadonlyMap<string, string | undefined>
  /** Modules the code loaded (CommonJS, absolute paths). */
  readonly modules: readonly string[]
}

/** FileContent is a file as it was read: its stamp (see fileStamp) and the hash of its bytes. */
export interface FileContent {
  readonly stamp: string
  readonly hash: string
}

/**
 * recordInputs runs `work` with `process.env` and `fs`'s read functions watched, and returns what it read.
 * Modules loaded meanwhile are what `require.cache` gained. Reads by code that kept its own reference to
 * the environment object or to an `fs` function before the recording began go unseen.
 */
export async function recordInputs<T>(work: () => Promise<T>): Promise<{ readonly value: T; readonly inputs: RecordedInputs }> {
  const env = new Map<string, string | undefined>()
  const files = new Set<string>()
  const contents = new Map<string, FileContent | undefined>()
  const folders = new Set<string>()
  const listings = new Map<string, string | undefined>()
  let wholeEnv = false
  const modulesBefore = new Set(Object.keys(require.cache))
  const originalEnv = process.env
  const note = (key: string | symbol) => {
    if (typeof key === 'string' && !env.has(key)) env.set(key, originalEnv[key])
  }
  const watchedEnv = new Proxy(originalEnv, {
    get: (target, key) => (note(key), Reflect.get(target, key)),
    has: (target, key) => (note(key), Reflect.has(target, key)),
    getOwnPropertyDescriptor: (target, key) => (note(key), Reflect.getOwnPropertyDescriptor(target, key)),
    ownKeys: (target) => ((wholeEnv = true), Reflect.ownKeys(target)),
    // Without it, assigning a variable that is set defines it on the proxy with the value alone, a descriptor
    // Node's environment object refuses ('process.env' only accepts a ... data descriptor).
    set: (target, key, value) => Reflect.set(target, key, value),
  })
  process.env = watchedEnv
  const restoreFs = watchFs({ files, contents, folders, listings })
  try {
    const value = await work()
    const modules = Object.keys(require.cache).filter((file) => !modulesBefore.has(file))
    // Code that put an environment object of its own in place was read unwatched: all of it is an input.
    if (process.env !== watchedEnv) wholeEnv = true
    return { value, inputs: { env, wholeEnv, files, contents, folders, listings, modules } }
  } finally {
    if (process.env === watchedEnv) process.env = originalEnv
    restoreFs()
  }
}

const fileReaders = ['readFileSync', 'readFile', 'existsSync', 'statSync', 'lstatSync', 'accessSync', 'createReadStream', 'openSync'] as const
const folderReaders = ['readdirSync', 'readdir', 'opendirSync', 'opendir'] as const
type Patched = (typeof fileReaders)[number] | (typeof folderReaders)[number]

/**
 * watchFs wraps fs's reading functions to note the paths they read, and the hash of what readFileSync read;
 * it returns what undoes that.
 */
function watchFs(seen: {
  readonly files: Set<string>
  readonly contents: Map<string, FileContent | undefined>
  readonly folders: Set<string>
  readonly listings: Map<string, string | undefined>
}): () => void {
  const { files, contents, folders, listings } = seen
  const pathOf = (target: unknown): string | undefined => {
    if (typeof target === 'string') return path.resolve(target)
    if (target instanceof URL && target.protocol === 'file:') return path.resolve(decodeURIComponent(target.pathname))
    return undefined
  }
  const notePath = (into: Set<string>, target: unknown) => {
    const file = pathOf(target)
    if (file !== undefined) into.add(file)
  }
  const noteListing = (folder: string, listed: unknown, options: unknown) => {
    if (!Array.isArray(listed) || (options as { recursive?: unknown } | undefined)?.recursive === true) return
    agree(listings, folder, listingHash(listed.map((entry: unknown) => (typeof entry === 'string' ? entry : Buffer.isBuffer(entry) ? entry.toString() : (entry as { name: string }).name))))
  }
  const originals = new Map<Patched, unknown>()
  const writable = fs as unknown as Record<Patched, (...args: unknown[]) => unknown>
  const watch = (name: Patched, into: Set<string>) => {
    const original = writable[name]
    originals.set(name, original)
    writable[name] = function (this: unknown, ...args: unknown[]) {
      // fs opens the files it writes through openSync too: only a file opened for reading is an input.
      if (name !== 'openSync' || args[1] === undefined || args[1] === 'r') notePath(into, args[0])
      if (name === 'readdirSync') {
        const listed = original.apply(this, args)
        const folder = pathOf(args[0])
        if (folder !== undefined) noteListing(folder, listed, args[1])
        return listed
      }
      const file = name === 'readFileSync' ? pathOf(args[0]) : undefined
      if (file === undefined || inPackages(file)) return original.apply(this, args)
      const { value, content } = stampedRead(file, () => original.apply(this, args))
      agree(contents, file, content, sameContent)
      return value
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

/**
 * fileStamp is what changes whenever a file is written: size, modification and change times, inode
 * (`missing`, `folder`). ctime changes with every write and no tool sets it back, as mtime can be (cp -p, tar).
 */
export function fileStamp(file: string): string {
  try {
    const stat = fs.statSync(file)
    return stat.isDirectory() ? 'folder' : `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`
  } catch {
    return 'missing'
  }
}

/**
 * stampedRead runs `read` of `file` between two stamps: its `content` is the text read, undefined where the
 * file changed meanwhile (the text may then be of neither stamp).
 */
export function stampedRead<T>(file: string, read: () => T): { readonly value: T; readonly content: FileContent | undefined } {
  const stamp = fileStamp(file)
  const value = read()
  const text = typeof value === 'string' || Buffer.isBuffer(value) ? value : undefined
  return { value, content: text !== undefined && fileStamp(file) === stamp ? { stamp, hash: hashOf(text) } : undefined }
}

const sameContent = (a: FileContent, b: FileContent) => a.stamp === b.stamp && a.hash === b.hash

/** agree records `value` for `key`, or undefined where two records of it differ (a file or folder that changed between two reads). */
function agree<V>(records: Map<string, V | undefined>, key: string, value: V | undefined, same: (a: V, b: V) => boolean = (a, b) => a === b): void {
  if (!records.has(key)) {
    records.set(key, value)
    return
  }
  const earlier = records.get(key)
  records.set(key, earlier !== undefined && value !== undefined && same(earlier, value) ? earlier : undefined)
}

/** listingHash is the hash of a folder's entry names, in any order. */
export function listingHash(names: readonly string[]): string {
  return hashOf([...names].sort().join('\n'))
}

/** inPackages says whether a file is inside a node_modules folder. */
export const inPackages = (file: string): boolean => file.includes(`${path.sep}node_modules${path.sep}`)

/** hashOf is the hash of text or bytes (of text, of its UTF-8 bytes: a valid UTF-8 file hashes the same read either way). */
export function hashOf(text: string | Buffer): string {
  return createHash('sha1').update(text).digest('hex')
}

/** mergeInputs is what two recordings read together; the earlier one's first values stand. */
export function mergeInputs(first: RecordedInputs, second: RecordedInputs): RecordedInputs {
  const env = new Map(second.env)
  for (const [key, value] of first.env) env.set(key, value)
  const listings = new Map(first.listings)
  for (const [folder, hash] of second.listings) agree(listings, folder, hash)
  const contents = new Map(first.contents)
  for (const [file, content] of second.contents) agree(contents, file, content, sameContent)
  return {
    env,
    wholeEnv: first.wholeEnv || second.wholeEnv,
    files: new Set([...first.files, ...second.files]),
    contents,
    folders: new Set([...first.folders, ...second.folders]),
    listings,
    modules: [...new Set([...first.modules, ...second.modules])],
  }
}
