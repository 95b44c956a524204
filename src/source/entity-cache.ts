import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { DataSourceOptions } from 'typeorm'
import { writeCacheText, writeJsonPieces } from './cache-files'
import type { EntityReading } from './entity-reading'
import { type RecordedInputs, fileStamp, hashOf, inPackages, listingHash, mergeInputs, recordInputs, stampedRead } from './input-recorder'
import type { LoadedProject } from './load-config'
import { mixedListItems } from './mixed-list'
import { transpileCacheDirFor } from './transpile-cache'

/** entityCacheOn says whether the entity cache may be used: `TYPEORM_AUTOGEN_ENTITY_CACHE=off` turns it off. */
export function entityCacheOn(): boolean {
  return process.env.TYPEORM_AUTOGEN_ENTITY_CACHE !== 'off'
}

/**
 * cachedEntityReading is `read` (loading the entity, migration and subscriber files and building TypeORM's
 * metadata), or its result from the last run that read this config, when nothing it read has changed since:
 * - every module loaded by then (the config, the entities and what they import, TypeORM, this tool), and every
 *   file and folder the code read through `fs`: by stamp (see fileStamp), else by the hash of the text they
 *   held when read (node_modules by stamp alone);
 * - the files each `entities`, `migrations` and `subscribers` glob matches;
 * - the environment variables the config and the entities read (by the hash of their values);
 * - the DataSource's options, the Node version and the current folder.
 * Any module the config loads now that was not loaded then makes the entry stale too. A reading that loaded
 * code Node's module cache does not list (ESM) is not cached, and a project loaded without recording what its
 * config read (LoadOptions.entityCache) is read as always.
 */
export async function cachedEntityReading(project: LoadedProject, read: () => Promise<EntityReading>): Promise<EntityReading> {
  const file = project.configInputs === undefined ? undefined : entryFileOf(project.configPath)
  const globs = file === undefined ? undefined : globberFor(project.configPath)
  if (file === undefined || globs === undefined || project.configInputs === undefined) return read()
  const fingerprint = fingerprintOf(project)
  const cached = validEntry(file, fingerprint, project.configInputs, globs)
  if (cached !== undefined) return cached
  // Globbed before the files load: a file removed meanwhile is then still listed, and the next run misses it.
  const globbed = globPatternsOf(project.dataSource.options).map((pattern): [string, string[]] => [pattern, globs(pattern)])
  const { value, inputs } = await recordInputs(read)
  const all = mergeInputs(project.configInputs, inputs)
  if (!loadedThroughNodeCache(project.configPath, globbed)) return value
  const inputsKey = inputsKeyOf(all)
  if (inputsKey === undefined) return value
  writeEntry(file, { format, fingerprint, ...inputsKey, globs: globbed, token: randomBytes(8).toString('hex') }, value)
  return value
}

const format = 4

/**
 * EntryKey is what a cached EntityReading was read from. It has a file of its own (`.key.json`), so that
 * a stale entry costs reading its key, not the whole reading.
 */
interface EntryKey {
  readonly format: number
  readonly fingerprint: string
  /** Variable name and the hash of its value ('' when unset); `*` stands for the whole environment. */
  readonly env: readonly (readonly [string, string])[]
  /** Each file's stamp (see fileStamp) and, outside node_modules, the hash of its text: a file whose stamp changed still holds while its text is the same. */
  readonly files: readonly (readonly [name: string, stat: string, hash?: string])[]
  readonly folders: readonly (readonly [string, string])[]
  readonly globs: readonly (readonly [string, readonly string[]])[]
  /** Written as the first line of the reading's file, which is written first: a key names the one reading written with it. */
  readonly token: string
}

function entryFileOf(configPath: string): string | undefined {
  const dir = transpileCacheDirFor(path.dirname(configPath))
  return dir === undefined ? undefined : path.join(dir, `entities-${hashOf(`${configPath}\0${process.cwd()}`).slice(0, 16)}.json`)
}

function fingerprintOf(project: LoadedProject): string {
  return hashOf(JSON.stringify([format, process.version, process.cwd(), project.configPath, optionsText(project.dataSource.options)]))
}

function validEntry(file: string, fingerprint: string, configInputs: RecordedInputs, globs: Globber): EntityReading | undefined {
  let key: EntryKey
  try {
    key = JSON.parse(fs.readFileSync(keyFileOf(file), 'latin1')) as EntryKey
  } catch {
    return undefined
  }
  if (key.format !== format || key.fingerprint !== fingerprint) return undefined
  const known = new Set(key.files.map(([name]) => name))
  if (!configInputs.modules.every((module) => known.has(module))) return undefined
  if (!key.env.every(([name, hash]) => envHash(name) === hash)) return undefined
  // Files first: an edited file is what usually makes an entry stale.
  if (!key.files.every(([name, stat, hash]) => unchanged(name, stat, hash))) return undefined
  if (!key.folders.every(([folder, state]) => folderState(folder) === state)) return undefined
  if (!key.globs.every(([pattern, files]) => sameList(globs(pattern), files))) return undefined
  try {
    const text = fs.readFileSync(file, 'latin1')
    const lineEnd = text.indexOf('\n')
    // The reading written with this key starts with its token: another run's reading is not this key's.
    return text.slice(0, lineEnd) === key.token ? (JSON.parse(text.slice(lineEnd + 1)) as EntityReading) : undefined
  } catch {
    return undefined
  }
}

/**
 * inputsKeyOf is the key of what was recorded, undefined where a file or folder changed while the code read
 * it. A file's stamp and hash are of the text the code read where it read the file whole, else of the file
 * now (a module loaded before the recording, a file only checked for); a folder's listing likewise.
 */
function inputsKeyOf(inputs: RecordedInputs): Pick<EntryKey, 'env' | 'files' | 'folders'> | undefined {
  const names = [...new Set([...Object.keys(require.cache), ...inputs.files])].filter((name) => !inToolCache(name)).sort()
  const folders: [string, string][] = []
  for (const folder of [...inputs.folders].filter((name) => !inToolCache(name)).sort()) {
    const listed = inputs.listings.has(folder) ? inputs.listings.get(folder) : folderState(folder)
    if (listed === undefined) return undefined
    folders.push([folder, listed])
  }
  const files: [string, string, string?][] = []
  for (const name of names) {
    const read = inputs.contents.has(name) ? inputs.contents.get(name) : currentContent(name)
    if (read === undefined) return undefined
    files.push(read.hash === undefined || inPackages(name) ? [name, read.stamp] : [name, read.stamp, read.hash])
  }
  return {
    env: inputs.wholeEnv ? [['*', envHash('*')]] : [...inputs.env.keys()].sort().map((name) => [name, envHash(name)]),
    files,
    folders,
  }
}

/** currentContent is a file's stamp now and, for a file outside node_modules, the hash of its bytes; undefined while it changes. */
function currentContent(name: string): { readonly stamp: string; readonly hash?: string } | undefined {
  const stamp = fileStamp(name)
  if (stamp === 'missing' || stamp === 'folder' || inPackages(name)) return { stamp }
  try {
    return stampedRead(name, () => fs.readFileSync(name)).content
  } catch {
    return undefined // gone while read
  }
}

/**
 * loadedThroughNodeCache says whether the config and every file its globs load went through Node's module
 * cache, where the next run finds them as inputs: an ES module does not.
 */
function loadedThroughNodeCache(configPath: string, globbed: readonly (readonly [string, readonly string[]])[]): boolean {
  const loadable = /\.(?:[cm]?js|[cm]?ts)$/
  const loaded = (name: string) => require.cache[name] !== undefined
  return loaded(configPath) && globbed.every(([, files]) => files.every((name) => !loadable.test(name) || name.endsWith('.d.ts') || loaded(name)))
}

function writeEntry(file: string, key: EntryKey, reading: EntityReading): void {
  const written = writeCacheText(file, (write) => {
    write(`${key.token}\n`)
    // The text of a thousand tables is never one string: peak memory, on the run that loads them.
    writeJsonPieces(write, reading)
  })
  if (written) writeCacheText(keyFileOf(file), (write) => writeJsonPieces(write, key))
}

const keyFileOf = (file: string) => file.replace(/\.json$/, '.key.json')

const inToolCache = (name: string) => name.includes(`${path.sep}node_modules${path.sep}.cache${path.sep}`)

/** unchanged says whether a file is as an entry recorded it: the same stamp, else (outside node_modules) the same text. */
function unchanged(name: string, stamp: string, hash: string | undefined): boolean {
  const now = fileStamp(name)
  if (now === stamp) return true
  return hash !== undefined && now !== 'missing' && now !== 'folder' && hashOfFile(name) === hash
}

function hashOfFile(name: string): string {
  try {
    return hashOf(fs.readFileSync(name))
  } catch {
    return 'missing'
  }
}

function folderState(folder: string): string {
  try {
    return listingHash(fs.readdirSync(folder))
  } catch {
    return 'missing'
  }
}

function envHash(name: string): string {
  if (name === '*') return hashOf(JSON.stringify(Object.entries(process.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
  const value = process.env[name]
  return value === undefined ? '' : hashOf(value)
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i])
}

type Globber = (pattern: string) => string[]

/**
 * globberFor expands a glob as TypeORM's loader does, with the glob package TypeORM itself uses; undefined
 * where it cannot be found (another TypeORM), and then nothing is cached.
 */
function globberFor(configPath: string): Globber | undefined {
  try {
    const typeormEntry = require.resolve('typeorm', { paths: [path.dirname(configPath)] })
    const { globSync } = require(require.resolve('tinyglobby', { paths: [path.dirname(typeormEntry)] })) as { globSync: (pattern: string) => string[] }
    return (pattern) => globSync(normalizedPattern(pattern)).map((file) => path.resolve(file)).sort()
  } catch {
    return undefined
  }
}

function normalizedPattern(pattern: string): string {
  const normalized = path.normalize(pattern)
  return process.platform === 'win32' ? normalized.replaceAll('\\', '/') : normalized
}

function globPatternsOf(options: DataSourceOptions): string[] {
  return [options.entities, options.migrations, options.subscribers]
    .flatMap((list) => mixedListItems<unknown>(list))
    .filter((item): item is string => typeof item === 'string')
}

/**
 * optionsText writes the DataSource's options for the fingerprint: functions and classes by name, other
 * class instances by class name and fields, a value met again (a cycle) once.
 */
function optionsText(options: DataSourceOptions): string {
  const seen = new WeakSet<object>()
  return JSON.stringify(options, (_key, value: unknown) => {
    if (typeof value === 'function') return `[function ${value.name}]`
    if (typeof value === 'bigint') return `${value}n`
    if (value === null || typeof value !== 'object') return value
    if (seen.has(value)) return '[seen]'
    seen.add(value)
    const prototype = Object.getPrototypeOf(value) as object | null
    if (prototype === null || prototype === Object.prototype || Array.isArray(value)) return value
    return { class: prototype.constructor?.name, fields: { ...value } }
  })
}
