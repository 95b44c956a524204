import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { writeCacheText, writeJsonPieces } from './cache-files'
import { flushLater } from './cache-writes'
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
 * A pack is the cache of the files of one folder for one set of key parts, in one file (`transpiled-<hash>.json`):
 * a cold load of a thousand entity files writes one file at exit rather than a thousand while it loads, and a run
 * after one was edited reads one. Each file has one entry, for the text it had when it was last transpiled.
 * The entries stored since the pack was last written whole are kept beside it (`.delta.json`), until they are a
 * quarter of it: a run after one entity was edited writes one entry, not the thousand (4 MB, 70 ms).
 */
interface Pack {
  readonly file: string
  /** The folder of the files it caches. */
  readonly folder: string
  readonly entries: Map<string, PackEntry>
  /** The entries this process looked up or stored: the others are kept only while their file exists. */
  readonly used: Set<string>
  /** The entries of the delta: stored since the pack was last written whole. */
  readonly delta: Set<string>
  changed: boolean
}

interface PackEntry {
  /** The hash of the text the output was transpiled from. */
  readonly source: string
  readonly output: string
  /** The files the output depends on besides its own, each with the hash of its text then. */
  readonly dependencies?: readonly (readonly [file: string, hash: string])[]
}

/**
 * cachedTranspile returns the JavaScript of `fileName` from the transpile cache, or from `transpile` (then
 * stores it, with the files it depends on where it names any). An entry holds for everything the output depends on: `keyParts` (the transpiler and its version,
 * the loader's options), the file's path (source maps name it) and its text. A file outside any
 * node_modules' project, or a cache that cannot be written, is simply transpiled.
 */
export function cachedTranspile(fileName: string, source: string, keyParts: readonly unknown[], transpile: () => CacheableOutput): string {
  const cached = cachedOutput(fileName, source, keyParts)
  if (cached !== undefined) return cached
  const { output, dependencies } = transpile()
  transpiled += 1
  store(fileName, source, keyParts, { output, dependencies })
  return output
}

/** cachedOutput is the JavaScript cachedTranspile would find in the cache for these key parts, undefined when it is not there. */
export function cachedOutput(fileName: string, source: string, keyParts: readonly unknown[]): string | undefined {
  const pack = packOf(fileName, keyParts)
  if (pack === undefined) return undefined
  const name = path.basename(fileName)
  pack.used.add(name)
  const entry = pack.entries.get(name)
  if (entry === undefined || entry.source !== sourceHash(fileName, source)) return undefined
  return (entry.dependencies ?? []).every(([file, hash]) => contentHash(file) === hash) ? entry.output : undefined
}

/** storeOutput puts a file's JavaScript into the cache, where cachedOutput finds it, also where the cache cannot be written. */
export function storeOutput(fileName: string, source: string, keyParts: readonly unknown[], output: string): void {
  transpiled += 1
  store(fileName, source, keyParts, { output })
}

function store(fileName: string, source: string, keyParts: readonly unknown[], { output, dependencies }: CacheableOutput): void {
  const pack = packOf(fileName, keyParts)
  if (pack === undefined) return
  const name = path.basename(fileName)
  const recorded = dependencies?.map((file) => [file, contentHash(file)] as const)
  pack.entries.set(name, { source: sourceHash(fileName, source), output, ...(recorded !== undefined && { dependencies: recorded }) })
  pack.used.add(name)
  pack.delta.add(name)
  pack.changed = true
  flushLater(writeChangedPacks)
}

/** The packs this process read, by their file. */
const packs = new Map<string, Pack>()

/** packOf is the pack that caches `fileName` for `keyParts`, read from the cache folder the first time it is asked for. */
function packOf(fileName: string, keyParts: readonly unknown[]): Pack | undefined {
  const folder = path.dirname(path.resolve(fileName))
  let fileOfFolder = packFiles.get(keyParts)
  if (fileOfFolder === undefined) packFiles.set(keyParts, (fileOfFolder = new Map()))
  let file = fileOfFolder.get(folder)
  if (file === undefined) {
    const dir = transpileCacheDirFor(folder)
    file = dir === undefined ? null : path.join(dir, `transpiled-${createHash('sha256').update(`${JSON.stringify(keyParts)}\0${folder}`).digest('hex').slice(0, 32)}.json`)
    fileOfFolder.set(folder, file)
  }
  if (file === null) return undefined
  let pack = packs.get(file)
  if (pack === undefined) {
    const entries = readPack(file)
    const delta = readPack(deltaFileOf(file))
    for (const [name, entry] of delta) entries.set(name, entry)
    pack = { file, folder, entries, used: new Set(), delta: new Set(delta.keys()), changed: false }
    packs.set(file, pack)
  }
  return pack
}

/** The pack file of each folder for each array of key parts (there is one array per project and transpiler); null outside a project. */
const packFiles = new WeakMap<readonly unknown[], Map<string, string | null>>()

/** readPack is a pack's entries; none where it is missing or not one this version wrote (each entry must have its text's hash and output). */
function readPack(file: string): Map<string, PackEntry> {
  try {
    const read = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: unknown; entries?: Record<string, Partial<PackEntry>> }
    if (read.format !== packFormat || typeof read.entries !== 'object' || read.entries === null) return new Map()
    const entries = Object.entries(read.entries).filter((entry): entry is [string, PackEntry] => typeof entry[1].source === 'string' && typeof entry[1].output === 'string')
    return new Map(entries)
  } catch {
    return new Map() // not cached yet, or not whole
  }
}

// Bump it when what a pack holds changes.
const packFormat = 1

/** The hash of the last text asked about for each file: a file is looked up and stored a few times per load. */
const hashOfSource = new Map<string, { readonly source: string; readonly hash: string }>()

function sourceHash(fileName: string, source: string): string {
  const known = hashOfSource.get(fileName)
  if (known?.source === source) return known.hash
  const hash = createHash('sha256').update(source).digest('hex')
  hashOfSource.set(fileName, { source, hash })
  return hash
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

/**
 * writeChangedPacks writes each pack this process changed, whole or not at all (a concurrent run reads the old
 * pack or the new; of two runs that change one, the last to end is kept). An entry this process did not use is
 * kept while its file exists. A failure only skips caching.
 */
function writeChangedPacks(): void {
  for (const pack of packs.values()) {
    if (!pack.changed) continue
    pack.changed = false
    const whole = pack.delta.size * 4 >= pack.entries.size
    const entries: Record<string, PackEntry> = {}
    for (const [name, entry] of pack.entries) {
      if (whole ? pack.used.has(name) || fs.existsSync(path.join(pack.folder, name)) : pack.delta.has(name)) entries[name] = entry
    }
    // Each entry's text apart: a pack of a thousand entities is 4 MB.
    writeCacheText(whole ? pack.file : deltaFileOf(pack.file), (write) => writeJsonPieces(write, { format: packFormat, folder: pack.folder, entries }, 3))
    if (whole) {
      removeQuietly(deltaFileOf(pack.file))
      pack.delta.clear()
    }
  }
}

const deltaFileOf = (pack: string) => pack.replace(/\.json$/, '.delta.json')

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true })
  } catch {
    // a delta left beside its pack holds entries the pack has too: it costs nothing but its reading
  }
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

