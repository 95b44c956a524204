import * as fs from 'node:fs'
import * as path from 'node:path'
import { parseJsonWithComments } from './json-with-comments'
import { resolveTsconfigExtends } from './tsconfig-extends'

/** RawCompilerOptions are a tsconfig's `compilerOptions` as written in JSON, before TypeScript converts them. */
export type RawCompilerOptions = Readonly<Record<string, unknown>>

/** TsconfigChain is a tsconfig.json with its `extends` chain, read without the TypeScript compiler. */
export interface TsconfigChain {
  /** Each tsconfig of the chain with its own `compilerOptions`, bases first, in the order they are merged. */
  readonly configs: readonly { readonly file: string; readonly options: RawCompilerOptions }[]
  /** The options of the chain merged as TypeScript merges them: what a later tsconfig sets wins. */
  readonly merged: RawCompilerOptions
  /** The folder of the tsconfig that set the `paths` in `merged`, undefined when none does. */
  readonly pathsBasePath: string | undefined
}

// TypeScript's options whose values are paths (isFilePath), which each tsconfig's folder resolves.
export const pathOptions = ['generateCpuProfile', 'generateTrace', 'project', 'outFile', 'outDir', 'rootDir', 'tsBuildInfoFile', 'baseUrl', 'declarationDir']
export const pathListOptions = ['rootDirs', 'typeRoots']

/**
 * readTsconfigChain reads `configFile` and the tsconfigs it extends (a string or, as TypeScript 5 allows,
 * an array, see resolveTsconfigExtends) as TypeScript does: each one's path options resolved against its own
 * folder, then `${configDir}` replaced by the folder of `configFile`. Undefined when any file of the chain is
 * not one it reads for certain (see parseJsonWithComments), has a `compilerOptions` or `extends` of the
 * wrong type or an `excludes`, an `extends` names no file it finds, or the chain is circular: TypeScript
 * then reads the tsconfig and reports what is wrong.
 */
export function readTsconfigChain(configFile: string): TsconfigChain | undefined {
  const configs: { file: string; options: RawCompilerOptions }[] = []
  if (!collect(configFile, [], configs)) return undefined
  const merged: Record<string, unknown> = {}
  let pathsBasePath: string | undefined
  for (const { file, options } of configs) {
    Object.assign(merged, options)
    if (options.paths !== undefined && options.paths !== null) pathsBasePath = path.dirname(file)
  }
  return { configs, merged: withConfigDir(merged, path.dirname(configFile)), pathsBasePath }
}

function collect(file: string, stack: readonly string[], configs: { file: string; options: RawCompilerOptions }[]): boolean {
  if (stack.includes(file)) return false
  const json = readJson(file)
  if (json === undefined) return false
  const { extends: bases, compilerOptions } = json
  // TypeScript reports the typo for `exclude`, whatever else the file says.
  if ((compilerOptions !== undefined && !isRecord(compilerOptions)) || 'excludes' in json) return false
  const specifiers = bases === undefined ? [] : typeof bases === 'string' ? [bases] : bases
  if (!Array.isArray(specifiers) || !specifiers.every((s) => typeof s === 'string')) return false
  for (const specifier of specifiers as string[]) {
    const base = resolveTsconfigExtends(specifier, file)
    if (base === undefined || !collect(base, [...stack, file], configs)) return false
  }
  configs.push({ file, options: withAbsolutePaths(compilerOptions ?? {}, path.dirname(file)) })
  return true
}

function readJson(file: string): Record<string, unknown> | undefined {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  const json = parseJsonWithComments(text)
  return isRecord(json) ? json : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function withAbsolutePaths(options: RawCompilerOptions, dir: string): RawCompilerOptions {
  const resolve = (value: unknown) => (typeof value === 'string' && !startsWithConfigDir(value) ? path.resolve(dir, value.replace(/\\/g, '/')) : value)
  return mapPathOptions(options, resolve)
}

/** withConfigDir replaces a leading `${configDir}` (TypeScript 5.5) in path options and `paths` targets by `dir`. */
function withConfigDir(options: RawCompilerOptions, dir: string): RawCompilerOptions {
  // As TypeScript does: the test ignores case, the replacement does not.
  const substitute = (value: unknown) => (typeof value === 'string' && startsWithConfigDir(value) ? path.resolve(dir, value.replace('${configDir}', './')) : value)
  const substituted: Record<string, unknown> = { ...mapPathOptions(options, substitute) }
  if (isRecord(options.paths)) {
    substituted.paths = Object.fromEntries(Object.entries(options.paths).map(([pattern, targets]) => [pattern, Array.isArray(targets) ? targets.map(substitute) : targets]))
  }
  return substituted
}

function mapPathOptions(options: RawCompilerOptions, map: (value: unknown) => unknown): RawCompilerOptions {
  const mapped: Record<string, unknown> = { ...options }
  for (const name of pathOptions) if (name in mapped) mapped[name] = map(mapped[name])
  for (const name of pathListOptions) if (Array.isArray(mapped[name])) mapped[name] = (mapped[name] as unknown[]).map(map)
  return mapped
}

function startsWithConfigDir(value: string): boolean {
  return value.toLowerCase().startsWith('${configdir}')
}
