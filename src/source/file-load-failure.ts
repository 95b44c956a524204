import * as path from 'node:path'
import type { DataSource } from 'typeorm'
import { globPatternRegExp } from './glob-pattern'
import { javaScriptSyntaxError } from './javascript-syntax-error'
import { mixedListItems } from './mixed-list'
import { unparsableImport } from './unparsable-import'
import { withFileLoader } from './typeorm-file-loader'
import { UserError, messageOf } from './user-error'

/** The DataSource options whose globs TypeORM loads files from while it builds its metadata. */
const loadingOptions = ['entities', 'migrations', 'subscribers'] as const

/**
 * withLoadFailuresNamed runs `work` with TypeORM's file loader (which loads each file the DataSource's
 * `entities`, `migrations` and `subscribers` globs name) turning an error thrown while a file loads, at its
 * top level or in a file it imports, into a one-line UserError that names the file and the option whose glob
 * loads it: TypeORM's own error names no file. A syntax error in a `.js` file names the file, line and column
 * (see javaScriptSyntaxError); a UserError (a syntax error the TypeScript loader found) passes as it is.
 * Errors TypeORM raises once the files are loaded (a missing relation target) pass as they are too.
 */
export async function withLoadFailuresNamed<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  return withFileLoader((original) => (filePath) =>
    original(filePath).catch((err: unknown) => {
      throw err instanceof UserError ? err : javaScriptSyntaxError(err) ?? fileLoadFailure(dataSource, filePath, err)
    }), work)
}

function fileLoadFailure(dataSource: DataSource, filePath: string, err: unknown): UserError {
  const shown = (file: string) => path.relative(process.cwd(), file) || file
  const option = loadingOptions.find((name) => globsOf(dataSource, name).some((glob) => matches(glob, filePath)))
  const loader = option === undefined ? 'the DataSource' : `the DataSource's ${option}`
  const failing = failingFile(err) ?? (err instanceof SyntaxError ? unparsableImport(filePath) : undefined) ?? filePath
  const how = failing === filePath ? `while loading it for ${loader}` : `imported by ${shown(filePath)}, which ${loader} load`
  if (isTopLevelAwait(err)) {
    return new UserError(`${shown(failing)}: ${failing === filePath ? 'it or a file it imports uses' : 'uses'} a top-level await, which this tool cannot run: it loads TypeScript as CommonJS, ` +
      `as ts-node does, where await runs only inside an async function (${how}): move the await into an async function, or keep that file out of what the entities, migrations and subscribers import, then run again`, { cause: err })
  }
  return new UserError(`${shown(failing)}: ${messageOf(err).replace(/\.$/, '')} (${how}): fix it, then run again`, { cause: err })
}

/**
 * isTopLevelAwait: an `await` outside any function, in a file the loader compiled to CommonJS (the TypeScript
 * compiler keeps it, and it runs as a name), or in one Node loaded as an ES module through `require` (SWC's).
 */
function isTopLevelAwait(err: unknown): boolean {
  if (err instanceof ReferenceError) return err.message === 'await is not defined'
  return (err as { code?: unknown } | null)?.code === 'ERR_REQUIRE_ASYNC_MODULE'
}

// This tool's own files, which load the project's: compiled, and their TypeScript, where Node reads source maps.
const ownSources = [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..', '..', 'src')].map((folder) => folder + path.sep)

/**
 * failingFile is the project file an error comes from, where it can tell: the file whose import was not found
 * (Node's require stack), else the file of the first stack frame outside node_modules and Node itself.
 */
export function failingFile(err: unknown): string | undefined {
  const { code, requireStack, stack } = (err ?? {}) as { code?: unknown; requireStack?: unknown; stack?: unknown }
  if (code === 'MODULE_NOT_FOUND' && Array.isArray(requireStack) && typeof requireStack[0] === 'string') return requireStack[0]
  if (typeof stack !== 'string') return undefined
  for (const [, file] of stack.matchAll(/^\s+at (?:.*\()?(\/[^():]+|[A-Za-z]:\\[^():]+):\d+:\d+\)?$/gm)) {
    if (!/[\\/]node_modules[\\/]/.test(file!) && !ownSources.some((own) => file!.startsWith(own))) return file
  }
  return undefined
}

function globsOf(dataSource: DataSource, option: (typeof loadingOptions)[number]): string[] {
  return mixedListItems<unknown>(dataSource.options[option]).filter((entry): entry is string => typeof entry === 'string')
}

/** matches says whether `glob`, resolved against the working directory as TypeORM resolves it, names `file`. */
function matches(glob: string, file: string): boolean {
  const pattern = globPatternRegExp(toPosix(path.resolve(process.cwd(), glob)))
  return pattern !== undefined && pattern.test(toPosix(file))
}

function toPosix(file: string): string {
  return file.replace(/\\/g, '/')
}
