import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { DataSourceOptions } from 'typeorm'
import type { EntityReading } from './entity-reading'
import { type RecordedInputs, mergeInputs, recordInputs } from './input-recorder'
import type { LoadedProject } from './load-config'
import { transpileCacheDirFor } from './transpile-cache'

/** The variable that turns the entity cache off: `TYPEORM_AUTOGEN_ENTITY_CACHE=off`. */
export const entityCacheVariable = 'TYPEORM_AUTOGEN_ENTITY_CACHE'

/**
 * cachedEntityReading is `read` (loading the entity, migration and subscriber files and building TypeORM's
 * metadata), or its result from the last run that read this config, when nothing it read has changed since:
 * - every module loaded by then (the config, the entities and what they import, TypeORM, this tool), and every
 *   file and folder the code read through `fs`: by the hash of their text (by size and time in node_modules);
 * - the files each `entities`, `migrations` and `subscribers` glob matches;
 * - the environment variables the config and the entities read (by the hash of their values);
 * - the DataSource's options, the Node version and the current folder.
 * Any module the config loads now that was not loaded then makes the entry stale too. A reading that loaded
 * code Node's module cache does not list (ESM) is not cached.
 */
export async function cachedEntityReading(project: LoadedProject, read: () => Promise<EntityReading>): Promise<EntityReading> {
  const file = project.configInputs === undefined || process.env[entityCacheVariable] === 'off' ? undefined : entryFileOf(project.configPath)
  const globs = file === undefined ? undefined : globberFor(project.configPath)
  if (file === undefined || globs === undefined || project.configInputs === undefined) return read()
  const fingerprint = fingerprintOf(project)
  const cached = validEntry(file, fingerprint, project.configInputs, globs)
  if (cached !== undefined) return cached
  const startedAt = Date.now()
  const { value, inputs } = await recordInputs(read)
  const all = mergeInputs(project.configInputs, inputs)
  const patterns = globPatternsOf(project.dataSource.options)
  const globbed = patterns.map((pattern): [string, string[]] => [pattern, globs(pattern)])
  if (!loadedThroughNodeCache(project.configPath, globbed)) return value
  const inputsKey = inputsKeyOf(all)
  // A file changed while the entities loaded may have been loaded as it was before: such a reading is not kept.
  if (inputsKey.files.some(([name]) => (stateOf(name).modifiedMs ?? 0) >= startedAt)) return value
  writeEntry(file, { format, fingerprint, ...inputsKey, globs: globbed }, value)
  return value
}

const format = 1

/**
 * EntryKey is what a cached EntityReading was read from; the entry file holds it as its first line, and the
 * reading as its second, parsed only when the key still holds.
 */
interface EntryKey {
  readonly format: number
  readonly fingerprint: string
  /** Variable name and the hash of its value ('' when unset); `*` stands for the whole environment. */
  readonly env: readonly (readonly [string, string])[]
  readonly files: readonly (readonly [string, string])[]
  readonly folders: readonly (readonly [string, string])[]
  readonly globs: readonly (readonly [string, readonly string[]])[]
}

function entryFileOf(configPath: string): string | undefined {
  const dir = transpileCacheDirFor(path.dirname(configPath))
  return dir === undefined ? undefined : path.join(dir, `entities-${hashOf(`${configPath}\0${process.cwd()}`).slice(0, 16)}.json`)
}

function fingerprintOf(project: LoadedProject): string {
  return hashOf(JSON.stringify([format, process.version, process.cwd(), project.configPath, optionsText(project.dataSource.options)]))
}

function validEntry(file: string, fingerprint: string, configInputs: RecordedInputs, globs: Globber): EntityReading | undefined {
  let bytes: Buffer
  let key: EntryKey
  try {
    bytes = fs.readFileSync(file)
    key = JSON.parse(bytes.toString('latin1', 0, bytes.indexOf(10))) as EntryKey
  } catch {
    return undefined
  }
  if (key.format !== format || key.fingerprint !== fingerprint) return undefined
  const known = new Set(key.files.map(([name]) => name))
  if (!configInputs.modules.every((module) => known.has(module))) return undefined
  if (!key.env.every(([name, hash]) => envHash(name) === hash)) return undefined
  if (!key.globs.every(([pattern, files]) => sameList(globs(pattern), files))) return undefined
  if (!key.folders.every(([folder, state]) => folderState(folder) === state)) return undefined
  if (!key.files.every(([name, state]) => stateOf(name).state === state)) return undefined
  try {
    return JSON.parse(bytes.toString('latin1', bytes.indexOf(10) + 1)) as EntityReading
  } catch {
    return undefined
  }
}

function inputsKeyOf(inputs: RecordedInputs): Pick<EntryKey, 'env' | 'files' | 'folders'> {
  const files = new Set([...Object.keys(require.cache), ...inputs.files].filter((name) => !inToolCache(name)))
  return {
    env: inputs.wholeEnv ? [['*', envHash('*')]] : [...inputs.env.keys()].sort().map((name) => [name, envHash(name)]),
    files: [...files].sort().map((name) => [name, stateOf(name).state]),
    folders: [...inputs.folders].filter((folder) => !inToolCache(folder)).sort().map((folder) => [folder, folderState(folder)]),
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
  const partial = `${file}.${process.pid}.partial`
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(partial, asciiOnly(`${JSON.stringify(key)}\n${JSON.stringify(reading)}`), 'latin1')
    fs.renameSync(partial, file)
  } catch {
    fs.rmSync(partial, { force: true }) // a cache that cannot be written only costs the next run its speed
  }
}

/** asciiOnly escapes JSON text's other characters (`\u00e9`), so that it is read back byte for byte, faster than UTF-8. */
function asciiOnly(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

const inToolCache = (name: string) => name.includes(`${path.sep}node_modules${path.sep}.cache${path.sep}`)

const inPackages = (name: string) => name.includes(`${path.sep}node_modules${path.sep}`)

/** FileState is what a file's entry compares (the hash of its text, or its size and time in node_modules), and when it was last changed. */
interface FileState {
  readonly state: string
  readonly modifiedMs?: number
}

/** Each file's state is read once a process: checking an entry and writing the next one share it. */
const statesRead = new Map<string, FileState>()

function stateOf(name: string): FileState {
  let found = statesRead.get(name)
  if (found === undefined) statesRead.set(name, (found = readState(name)))
  return found
}

function readState(name: string): FileState {
  try {
    const stat = fs.statSync(name)
    if (stat.isDirectory()) return { state: 'folder' }
    const state = inPackages(name) ? `${stat.size}:${stat.mtimeMs}` : hashOf(fs.readFileSync(name))
    return { state, modifiedMs: stat.mtimeMs }
  } catch {
    return { state: 'missing' }
  }
}

function folderState(folder: string): string {
  try {
    return hashOf(fs.readdirSync(folder).sort().join('\n'))
  } catch {
    return 'missing'
  }
}

function envHash(name: string): string {
  if (name === '*') return hashOf(JSON.stringify(Object.entries(process.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
  const value = process.env[name]
  return value === undefined ? '' : hashOf(value)
}

function hashOf(text: string | Buffer): string {
  return createHash('sha1').update(text).digest('hex')
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
  const listed = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : Object.values(value))
  return [options.entities, options.migrations, options.subscribers].flatMap(listed).filter((item): item is string => typeof item === 'string')
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
