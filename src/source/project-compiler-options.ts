import * as path from 'node:path'
import type * as TypeScript from 'typescript'
import { nearestAbove } from './nearest-above'
import type { PathAliases } from './path-aliases'
import { type TranspileSettings, rawTranspileSettings, transpileSettingsOf } from './transpile-settings'
import { type RawCompilerOptions, type TsconfigChain, readTsconfigChain } from './tsconfig-chain'
import { loadTypeScript } from './typescript-compiler'
import { describeTypeScriptDiagnostic } from './typescript-diagnostic'
import { UserError } from './user-error'

/**
 * ProjectCompilerOptions are what the project's own tsconfig.json says about compiling a file, read
 * without the TypeScript compiler where it can be (see readTsconfigChain); transpileSettingsFor reads what SWC
 * needs of them, and compilerOptionsOf turns them into TypeScript's options where TypeScript transpiles a file.
 */
export interface ProjectCompilerOptions {
  /** Absolute path of the tsconfig.json that applies, undefined when the file has none above it. */
  readonly configFile: string | undefined
  /**
   * What the options depend on, for the transpile cache's key: each tsconfig of the chain with its own
   * options as written, or the options TypeScript parsed where it read the tsconfig.
   */
  readonly cacheKey: unknown
  /** Its `paths`, undefined when it sets none. */
  readonly pathAliases: PathAliases | undefined
}

interface ReadTsconfig extends ProjectCompilerOptions {
  /** Read without TypeScript: converted on first use. */
  readonly chain?: TsconfigChain
  /** Read by TypeScript, or converted. */
  options?: TypeScript.CompilerOptions
}

const noTsconfig: ReadTsconfig = { configFile: undefined, cacheKey: undefined, pathAliases: undefined, options: {} }
const configFileOfFolder = new Map<string, string | undefined>()
const optionsOfConfigFile = new Map<string, ReadTsconfig>()

/**
 * projectCompilerOptionsFor reads the tsconfig.json nearest above `fileName` (both cached). A tsconfig
 * that only TypeScript reads (see readTsconfigChain) is read by TypeScript: one it rejects, or whose
 * `extends` it cannot find, is a UserError.
 */
export function projectCompilerOptionsFor(fileName: string): ProjectCompilerOptions {
  const configFile = nearestAbove(path.dirname(path.resolve(fileName)), 'tsconfig.json', 'file', configFileOfFolder)
  if (configFile === undefined) return noTsconfig
  let read = optionsOfConfigFile.get(configFile)
  if (read === undefined) {
    const chain = readTsconfigChain(configFile)
    read = chain === undefined ? readWithTypeScript(configFile) : fromChain(configFile, chain)
    optionsOfConfigFile.set(configFile, read)
  }
  return read
}

/**
 * compilerOptionsOf are the project's options as TypeScript's own `convertCompilerOptionsFromJson` converts
 * them (its enum values, its paths). An option any tsconfig of the chain sets wrongly is a UserError,
 * whichever tsconfig overrides it, as TypeScript reports it.
 */
export function compilerOptionsOf(ts: typeof TypeScript, project: ProjectCompilerOptions): TypeScript.CompilerOptions {
  const read = project as ReadTsconfig
  if (read.options !== undefined) return read.options
  const { chain, configFile } = read
  if (chain === undefined || configFile === undefined) throw new Error('compilerOptionsOf takes what projectCompilerOptionsFor returned')
  for (const config of chain.configs) {
    const error = ts.convertCompilerOptionsFromJson(config.options, path.dirname(config.file), config.file).errors.find((d) => isError(ts, d))
    if (error !== undefined) throw tsconfigError(ts, error, configFile, config.file)
  }
  const options = ts.convertCompilerOptionsFromJson(chain.merged, path.dirname(configFile), configFile).options
  if (chain.pathsBasePath !== undefined) options.pathsBasePath = chain.pathsBasePath
  read.options = options
  return options
}

/**
 * transpileSettingsFor are the options SWC needs, read without TypeScript where the tsconfig chain says them
 * plainly (see rawTranspileSettings); otherwise undefined, and compilerOptionsOf converts them.
 */
export function transpileSettingsFor(project: ProjectCompilerOptions): TranspileSettings | undefined {
  const read = project as ReadTsconfig
  if (read.options !== undefined) return transpileSettingsOf(read.options)
  return read.chain === undefined ? undefined : rawTranspileSettings(read.chain.merged, read.chain.configs.map((config) => config.options))
}

function fromChain(configFile: string, chain: TsconfigChain): ReadTsconfig {
  const cacheKey = chain.configs.map(({ file, options }) => [file, options])
  return { configFile, cacheKey, pathAliases: pathAliasesOf(chain.merged, chain.pathsBasePath, configFile), chain }
}

// Reported for a tsconfig whose `include` matches nothing: only its options matter here.
const noInputsFound = 18003

function readWithTypeScript(configFile: string): ReadTsconfig {
  const ts = loadTypeScript(configFile)
  const read = ts.readConfigFile(configFile, ts.sys.readFile)
  if (read.error !== undefined) throw tsconfigError(ts, read.error, configFile)
  // Listing the project's files would walk the whole project; only the options are needed.
  const host: TypeScript.ParseConfigHost = { ...ts.sys, readDirectory: () => [] }
  const parsed = ts.parseJsonConfigFileContent(read.config, host, path.dirname(configFile), undefined, configFile)
  const error = parsed.errors.find((d) => isError(ts, d) && d.code !== noInputsFound)
  if (error !== undefined) throw tsconfigError(ts, error, configFile)
  const { options } = parsed
  const pathsBasePath = (options as { pathsBasePath?: unknown }).pathsBasePath
  const pathAliases = pathAliasesOf(options, typeof pathsBasePath === 'string' ? pathsBasePath : undefined, configFile)
  return { configFile, cacheKey: options, pathAliases, options }
}

function isError(ts: typeof TypeScript, diagnostic: TypeScript.Diagnostic): boolean {
  return diagnostic.category === ts.DiagnosticCategory.Error
}

/** tsconfigError names the tsconfig whose option is wrong (`inConfig`) where the diagnostic does not. */
function tsconfigError(ts: typeof TypeScript, diagnostic: TypeScript.Diagnostic, configFile: string, inConfig = configFile): UserError {
  const relative = (file: string) => path.relative(process.cwd(), file) || file
  const described = describeTypeScriptDiagnostic(ts, diagnostic)
  const located = diagnostic.file === undefined ? `${relative(inConfig)}: ${described}` : described
  return new UserError(`${located} Fix it: the loader compiles with the options of ${relative(configFile)}.`)
}

/**
 * pathAliasesOf are the `paths` of `options` (TypeScript's or raw), relative to `baseUrl`, else to the
 * folder of the tsconfig that set them; targets that are not strings are left out (TypeScript reports them
 * when it builds the project). With a `baseUrl`, a request no pattern matches is looked for under it, as
 * TypeScript does (`src/user/user.entity` with `baseUrl: "./"`, as NestJS projects import): a `*` pattern of
 * its own, unless `paths` has one.
 */
function pathAliasesOf(options: TypeScript.CompilerOptions | RawCompilerOptions, pathsBasePath: string | undefined, configFile: string): PathAliases | undefined {
  const { paths, baseUrl } = options
  const declared = typeof paths === 'object' && paths !== null ? paths as Record<string, unknown> : undefined
  if (declared === undefined && typeof baseUrl !== 'string') return undefined
  const targets = Object.entries(declared ?? {}).map(([pattern, list]) => [pattern, Array.isArray(list) ? list.filter((t) => typeof t === 'string') : []])
  if (typeof baseUrl === 'string' && !targets.some(([pattern]) => pattern === '*')) targets.push(['*', ['*']])
  const baseDir = typeof baseUrl === 'string' ? baseUrl : (pathsBasePath ?? path.dirname(configFile))
  return { baseDir, paths: Object.fromEntries(targets) as Record<string, string[]> }
}
