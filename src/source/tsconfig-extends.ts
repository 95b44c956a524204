import * as fs from 'node:fs'
import * as path from 'node:path'
import { parseJsonWithComments } from './json-with-comments'

/**
 * resolveTsconfigExtends is the file an `extends` entry of `configFile` names, found by TypeScript's rules
 * (`getExtendsConfigPath`): a path (absolute, or starting with `./` or `../`) relative to the tsconfig's
 * folder, with `.json` added when the file does not exist without it; otherwise a package specifier
 * resolved from the node_modules folders above, as TypeScript's config lookup does (see
 * fileInNodeModules), to the real path of the file. Undefined when the entry names no file, or when
 * finding it takes what only TypeScript's resolver does (package `exports` with conditions or patterns,
 * `typesVersions`, `#imports`, the project's own package name): the caller then leaves the tsconfig to
 * TypeScript, which finds it or reports the error.
 */
export function resolveTsconfigExtends(specifier: string, configFile: string): string | undefined {
  const configDir = path.dirname(configFile)
  const normalized = specifier.replace(/\\/g, '/')
  if (path.isAbsolute(normalized) || normalized.startsWith('./') || normalized.startsWith('../')) {
    const file = path.resolve(configDir, normalized)
    if (isFile(file)) return file
    return !file.endsWith('.json') && isFile(`${file}.json`) ? `${file}.json` : undefined
  }
  const name = packageNameOf(normalized)
  if (name === undefined || selfReference(name, configDir)) return undefined
  const subpath = normalized.slice(name.length + 1)
  for (let dir = configDir; ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') {
      const found = fileInNodeModules(path.join(dir, 'node_modules'), name, subpath)
      if (found !== 'none') return found === 'unsure' ? undefined : fs.realpathSync(found)
    }
    if (path.dirname(dir) === dir) return undefined
  }
}

/**
 * fileInNodeModules looks `name` (and `subpath` in it) up in one node_modules folder as TypeScript's config
 * lookup does: the subpath as a file, then with `.json` added, then as a folder holding a tsconfig.json;
 * a package itself as `<name>.json`, then its package.json `tsconfig` field, then its tsconfig.json.
 * 'none' sends the lookup to the next folder up.
 */
function fileInNodeModules(nodeModules: string, name: string, subpath: string): string | 'none' | 'unsure' {
  const packageDir = path.join(nodeModules, name)
  const manifest = readManifest(packageDir)
  if (manifest === 'unsure' || (manifest !== undefined && (manifest.typesVersions !== undefined || hasExports(manifest)))) {
    return manifest !== 'unsure' && hasExports(manifest) && manifest.typesVersions === undefined ? fromExports(packageDir, manifest.exports, subpath) : 'unsure'
  }
  const candidate = subpath === '' ? packageDir : path.join(packageDir, subpath)
  if (candidate.endsWith('.json') && isFile(candidate)) return candidate
  if (isFile(`${candidate}.json`)) return `${candidate}.json`
  if (subpath === '') {
    const field = manifest?.tsconfig
    if (field !== undefined) return typeof field === 'string' && field.endsWith('.json') && isFile(path.join(packageDir, field)) ? path.join(packageDir, field) : 'unsure'
  } else if (fs.existsSync(path.join(candidate, 'package.json'))) {
    return 'unsure'
  }
  const inFolder = path.join(candidate, 'tsconfig.json')
  return isFile(inFolder) ? inFolder : 'none'
}

interface Manifest {
  readonly name?: unknown
  readonly exports?: unknown
  readonly typesVersions?: unknown
  readonly tsconfig?: unknown
}

/**
 * fromExports reads the one form of `exports` that needs no conditions: a string, or an object whose key
 * for the subpath (`.`, `./tsconfig.json`) is a string naming a .json file.
 */
function fromExports(packageDir: string, exports: unknown, subpath: string): string | 'unsure' {
  const key = subpath === '' ? '.' : `./${subpath}`
  const target = typeof exports === 'string' && key === '.' ? exports : typeof exports === 'object' && exports !== null && !Array.isArray(exports) ? (exports as Record<string, unknown>)[key] : undefined
  if (typeof target !== 'string' || !target.startsWith('./') || !target.endsWith('.json')) return 'unsure'
  const file = path.join(packageDir, target)
  return isFile(file) ? file : 'unsure'
}

function hasExports(manifest: Manifest | undefined): manifest is Manifest & { exports: unknown } {
  return manifest !== undefined && manifest.exports !== undefined && manifest.exports !== null
}

/** selfReference says whether the package whose package.json is nearest above `dir` is `name` and has `exports` (TypeScript resolves it to itself first). */
function selfReference(name: string, dir: string): boolean {
  for (let folder = dir; ; folder = path.dirname(folder)) {
    const manifest = readManifest(folder)
    if (manifest === 'unsure') return true
    if (manifest !== undefined) return manifest.name === name && hasExports(manifest)
    if (path.dirname(folder) === folder) return false
  }
}

function readManifest(dir: string): Manifest | undefined | 'unsure' {
  let text: string
  try {
    text = fs.readFileSync(path.join(dir, 'package.json'), 'utf8')
  } catch {
    return undefined
  }
  const manifest = parseJsonWithComments(text)
  return typeof manifest === 'object' && manifest !== null && !Array.isArray(manifest) ? (manifest as Manifest) : 'unsure'
}

/** packageNameOf is `name` or `@scope/name` at the start of a bare specifier, undefined for anything else (`#imports`, URLs, `.`). */
function packageNameOf(specifier: string): string | undefined {
  const match = /^(@[^/@:#][^/:]*\/[^/:]+|[^/@:#.][^/:]*)(?:\/|$)/.exec(specifier)
  return match?.[1]
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}
