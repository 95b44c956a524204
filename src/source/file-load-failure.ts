import * as path from 'node:path'
import type { DataSource } from 'typeorm'
import { globPatternRegExp } from './glob-pattern'
import { javaScriptSyntaxError } from './javascript-syntax-error'
import { mixedListItems } from './mixed-list'
import { UserError, messageOf } from './user-error'

type ImportOrRequire = (filePath: string) => Promise<[unknown, 'esm' | 'commonjs']>

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
  const utils = require('typeorm/util/ImportUtils') as { importOrRequireFile: ImportOrRequire }
  const original = utils.importOrRequireFile
  utils.importOrRequireFile = (filePath) =>
    original(filePath).catch((err: unknown) => {
      throw err instanceof UserError ? err : javaScriptSyntaxError(err) ?? fileLoadFailure(dataSource, filePath, err)
    })
  try {
    return await work()
  } finally {
    utils.importOrRequireFile = original
  }
}

function fileLoadFailure(dataSource: DataSource, filePath: string, err: unknown): UserError {
  const where = path.relative(process.cwd(), filePath) || filePath
  const option = loadingOptions.find((name) => globsOf(dataSource, name).some((glob) => matches(glob, filePath)))
  const loader = option === undefined ? 'the DataSource' : `the DataSource's ${option}`
  return new UserError(`${where}: ${messageOf(err).replace(/\.$/, '')} (while loading it for ${loader}): fix it, then run again`, { cause: err })
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
