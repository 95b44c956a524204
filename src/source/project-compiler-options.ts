import * as path from 'node:path'
import type * as TypeScript from 'typescript'
import { nearestAbove } from './nearest-above'
import type { PathAliases } from './path-aliases'
import { describeTypeScriptDiagnostic } from './typescript-diagnostic'
import { UserError } from './user-error'

/**
 * ProjectCompilerOptions are what the project's own tsconfig.json says about compiling a file, as plain data
 * for whichever transpiler the loader uses.
 */
export interface ProjectCompilerOptions {
  /** Absolute path of the tsconfig.json that applies, undefined when the file has none above it. */
  readonly configFile: string | undefined
  /** The compiler options of that tsconfig with its `extends` chain, as TypeScript parses them. */
  readonly options: TypeScript.CompilerOptions
  /** Its `paths`, undefined when it sets none. */
  readonly pathAliases: PathAliases | undefined
}

const noTsconfig: ProjectCompilerOptions = { configFile: undefined, options: {}, pathAliases: undefined }
const configFileOfFolder = new Map<string, string | undefined>()
const optionsOfConfigFile = new Map<string, ProjectCompilerOptions>()

/**
 * projectCompilerOptionsFor reads the tsconfig.json nearest above `fileName` (both cached). A tsconfig
 * that TypeScript rejects, or whose `extends` it cannot find, is a UserError.
 */
export function projectCompilerOptionsFor(fileName: string): ProjectCompilerOptions {
  const configFile = nearestAbove(path.dirname(path.resolve(fileName)), 'tsconfig.json', 'file', configFileOfFolder)
  if (configFile === undefined) return noTsconfig
  let read = optionsOfConfigFile.get(configFile)
  if (read === undefined) {
    read = readTsconfig(configFile)
    optionsOfConfigFile.set(configFile, read)
  }
  return read
}

// Reported for a tsconfig whose `include` matches nothing: only its options matter here.
const noInputsFound = 18003

function readTsconfig(configFile: string): ProjectCompilerOptions {
  const ts = require('typescript') as typeof TypeScript
  const read = ts.readConfigFile(configFile, ts.sys.readFile)
  if (read.error !== undefined) throw tsconfigError(ts, read.error, configFile)
  // Listing the project's files would walk the whole project; only the options are needed.
  const host: TypeScript.ParseConfigHost = { ...ts.sys, readDirectory: () => [] }
  const parsed = ts.parseJsonConfigFileContent(read.config, host, path.dirname(configFile), undefined, configFile)
  const error = parsed.errors.find((d) => d.category === ts.DiagnosticCategory.Error && d.code !== noInputsFound)
  if (error !== undefined) throw tsconfigError(ts, error, configFile)
  return { configFile, options: parsed.options, pathAliases: pathAliasesOf(parsed.options, configFile) }
}

function tsconfigError(ts: typeof TypeScript, diagnostic: TypeScript.Diagnostic, configFile: string): UserError {
  const where = path.relative(process.cwd(), configFile) || configFile
  const described = describeTypeScriptDiagnostic(ts, diagnostic)
  const located = diagnostic.file === undefined ? `${where}: ${described}` : described
  return new UserError(`${located} Fix it: the loader compiles with the options of ${where}.`)
}

function pathAliasesOf(options: TypeScript.CompilerOptions, configFile: string): PathAliases | undefined {
  if (options.paths === undefined) return undefined
  // TypeScript records the folder of the tsconfig in the extends chain that set `paths`.
  const pathsBasePath = (options as { pathsBasePath?: unknown }).pathsBasePath
  const baseDir = options.baseUrl ?? (typeof pathsBasePath === 'string' ? pathsBasePath : path.dirname(configFile))
  return { baseDir, paths: options.paths }
}
