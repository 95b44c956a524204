import { createHash, randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { trackCacheWrite } from './cache-writes'
import { nearestAbove } from './nearest-above'

/** The cache folder under a project's nearest node_modules, where tools keep their caches by convention. */
export const transpileCacheFolder = path.join('.cache', 'typeorm-autogen')

const modulesOfFolder = new Map<string, string | undefined>()
let transpiled = 0

/** CacheableOutput is a file's JavaScript; with `dependencies`, it is valid while those files are as they were. */
export interface CacheableOutput {
  readonly output: string
  readonly dependencies?: readonly string[]
}

/**
 * cachedTranspile returns the JavaScript of `fileName` from the transpile cache, or from `transpile` (then
 * stores it, with the files it depends on where it names any). The key holds everything the output depends on: `keyParts` (the transpiler and its version,
 * the loader's options), the file's path (source maps name it) and its text. A file outside any
 * node_modules' project, or a cache that cannot be written, is simply transpiled.
 */
export function cachedTranspile(fileName: string, source: string, keyParts: readonly unknown[], transpile: () => CacheableOutput): string {
  const entry = cacheEntry(fileName, source, keyParts)
  const cached = entry === undefined ? undefined : readEntry(entry)
  if (cached !== undefined) return cached
  const { output, dependencies } = transpile()
  transpiled += 1
  if (entry !== undefined) writeQuietly(entry, dependencies === undefined ? output : `${withDependencies(dependencies)}${output}`)
  return output
}

/** cachedOutput is the JavaScript cachedTranspile would find in the cache for these key parts, undefined when it is not there. */
export function cachedOutput(fileName: string, source: string, keyParts: readonly unknown[]): string | undefined {
  const entry = cacheEntry(fileName, source, keyParts)
  return entry === undefined ? undefined : readEntry(entry)
}

/** storeOutput puts a file's JavaScript into the cache, where cachedOutput finds it, also where the cache cannot be written. */
export function storeOutput(fileName: string, source: string, keyParts: readonly unknown[], output: string): void {
  const entry = cacheEntry(fileName, source, keyParts)
  if (entry === undefined) return
  storedNow.set(entry, output)
  transpiled += 1
  writeQuietly(entry, output)
}

/** What this process stored, by cache entry. */
const storedNow = new Map<string, string>()

function cacheEntry(fileName: string, source: string, keyParts: readonly unknown[]): string | undefined {
  const dir = transpileCacheDirFor(path.dirname(path.resolve(fileName)))
  if (dir === undefined) return undefined
  // The text of JSON.stringify([...keyParts, fileName, source]), with keyParts serialized once per array.
  let opening = serializedKeyParts.get(keyParts)
  if (opening === undefined) serializedKeyParts.set(keyParts, (opening = JSON.stringify(keyParts).slice(0, -1)))
  const key = `${opening}${keyParts.length > 0 ? ',' : ''}${JSON.stringify(fileName)},${JSON.stringify(source)}]`
  return path.join(dir, `${createHash('sha256').update(key).digest('hex')}.js`)
}

const serializedKeyParts = new WeakMap<readonly unknown[], string>()

/** readEntry is an entry's JavaScript, as this process stored it, wrote it, or from the cache folder. */
function readEntry(entry: string): string | undefined {
  const stored = storedNow.get(entry)
  if (stored !== undefined) return stored
  const writing = writingNow.get(entry)
  return writing !== undefined ? outputOf(writing) : readQuietly(entry)
}

/** readQuietly is an entry's JavaScript, undefined when it is not cached yet or a file it depends on changed. */
function readQuietly(entry: string): string | undefined {
  let text: string
  try {
    text = fs.readFileSync(entry, 'utf8')
  } catch {
    return undefined // not cached yet
  }
  return outputOf(text)
}

/** outputOf is the JavaScript of an entry's text, undefined when a file it depends on changed. */
function outputOf(text: string): string | undefined {
  if (!text.startsWith(dependencyMarker)) return text
  const lineEnd = text.indexOf('\n')
  const recorded = JSON.parse(text.slice(dependencyMarker.length, lineEnd)) as [file: string, hash: string][]
  return recorded.every(([file, hash]) => contentHash(file) === hash) ? text.slice(lineEnd + 1) : undefined
}

// An entry whose output depends on other files starts with one line that names them with the hash of their text.
const dependencyMarker = '// typeorm-autogen dependencies: '

function withDependencies(files: readonly string[]): string {
  return `${dependencyMarker}${JSON.stringify(files.map((file) => [file, contentHash(file)]))}\n`
}

const hashOfFile = new Map<string, { readonly stamp: string; readonly hash: string }>()

/** contentHash is the hash of a file's text ('missing' when it cannot be read), read again only when its size or time changed. */
function contentHash(file: string): string {
  let stamp: string
  try {
    const stat = fs.statSync(file)
    stamp = `${stat.size}:${stat.mtimeMs}`
  } catch {
    return 'missing'
  }
  const known = hashOfFile.get(file)
  if (known?.stamp === stamp) return known.hash
  let hash: string
  try {
    hash = createHash('sha1').update(fs.readFileSync(file)).digest('hex')
  } catch {
    hash = 'missing'
  }
  hashOfFile.set(file, { stamp, hash })
  return hash
}

/** transpiledCount is how many files this process transpiled rather than read from the cache. */
export function transpiledCount(): number {
  return transpiled
}

/** transpileCacheDirFor is the cache folder of the project `folder` is in: under its nearest node_modules. */
export function transpileCacheDirFor(folder: string): string | undefined {
  const modules = nearestAbove(folder, 'node_modules', 'folder', modulesOfFolder)
  return modules === undefined ? undefined : path.join(modules, transpileCacheFolder)
}

/**
 * writeQuietly writes whole or not at all (a concurrent run reads either nothing or all); a failure only skips
 * caching. The write runs on Node's thread pool: this process keeps the output (storedNow), so nothing waits
 * for it, and a cold load of a thousand files does not stop for a thousand writes. Node finishes pending
 * writes before the process exits on its own.
 */
function writeQuietly(entry: string, text: string): void {
  const partial = partialFileOf(entry)
  writingNow.set(entry, text)
  // The folder is made only when a write finds it missing: asking for it before each of a thousand writes cost more.
  const written = fs.promises.writeFile(partial, text)
    .catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err
      await fs.promises.mkdir(path.dirname(entry), { recursive: true })
      await fs.promises.writeFile(partial, text)
    })
    .then(() => fs.promises.rename(partial, entry))
    .catch(() => fs.promises.rm(partial, { force: true }))
    .catch(() => undefined)
  trackCacheWrite(written)
  void written.then(() => {
    if (writingNow.get(entry) === text) writingNow.delete(entry)
  })
}

/** writeFileWhole writes a file whole or not at all, and waits for it (at exit, nothing asynchronous runs); a failure is ignored. */
export function writeFileWhole(file: string, data: Uint8Array): void {
  const partial = partialFileOf(file)
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(partial, data)
    fs.renameSync(partial, file)
  } catch {
    fs.rmSync(partial, { force: true })
  }
}

/** partialFileOf names a new temporary file beside `file`, for one write of it. */
function partialFileOf(file: string): string {
  return `${file}.${process.pid}.${writer}.${++writes}.tmp`
}

let writes = 0
// Each copy of this module counts its writes from 0, and a process can hold several (the test runner's runs of
// the CLI): with one temporary file for two writes of an entry, the second write emptied the file the first had
// just renamed into the cache, and a reader then found an empty module.
const writer = randomBytes(6).toString('hex')
/** The text of each entry being written, read as the file would be until it is on disk. */
const writingNow = new Map<string, string>()
