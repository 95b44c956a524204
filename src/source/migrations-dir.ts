import * as path from 'node:path'
import type { DataSource, DataSourceOptions } from 'typeorm'
import type { AutogenSettings } from './autogen-settings'
import { globPatternRegExp } from './glob-pattern'
import { mixedListItems } from './mixed-list'

const globCharacters = /[*?[\]{}()!]/
/** A file name as `generate` writes it, to ask which of the DataSource's globs would load a new migration. */
const newMigrationFile = '1700000000000-Migration'

/** MigrationsTarget is the folder of the project's migration files, and whether `generate` may write there. */
export interface MigrationsTarget {
  /** Absolute folder migration files are read from, and written to unless `refusal` says why not. */
  readonly dir: string
  /** One line saying why a file written to `dir` would not be run by `upgrade`, naming autogen.migrationsDir. */
  readonly refusal?: string
}

/**
 * migrationsTarget says where `generate` writes a migration so that `upgrade`, with the DataSource's own
 * `migrations` option, finds and loads it: `autogen.migrationsDir` when set (the user names the source
 * folder); else `./migrations` when the DataSource lists none; else the folder of the one `migrations` glob
 * that would load a new `.ts` file there. Migrations listed as classes, globs of build output (`*.js`) and
 * several globs that would each load it give a `refusal` instead, with `dir` the first glob's folder
 * (or `./migrations`) to read from. Paths resolve against the working directory, as TypeORM's globs do.
 */
export function migrationsTarget(dataSource: DataSource, settings: AutogenSettings, cwd = process.cwd()): MigrationsTarget {
  if (settings.migrationsDir !== undefined) return { dir: path.resolve(cwd, settings.migrationsDir) }
  const entries = migrationsEntries(dataSource)
  const globs = entries.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '')
  const dir = path.resolve(cwd, folderOfGlob(globs[0]) ?? 'migrations')
  if (entries.length === 0) return { dir }
  if (globs.length === 0) {
    return {
      dir,
      refusal: 'the DataSource lists its migrations as classes, so a new migration file would not be run: set autogen.migrationsDir to the folder of their files (e.g. src/migrations) and list each new class in the DataSource',
    }
  }
  const loading = (extension: string) => [...new Set(globs.filter((glob) => loadsNewFile(glob, extension, cwd)).map((glob) => folderOf(glob, cwd)))]
  const folders = loading('.ts')
  if (folders.length === 1) return { dir: folders[0]! }
  const listed = globs.join(', ')
  if (folders.length > 1) {
    return { dir, refusal: `the DataSource loads migrations from ${listed}, and a new migration could go to any of them: set autogen.migrationsDir to the folder to write to (e.g. src/migrations)` }
  }
  const suggestion = 'set autogen.migrationsDir to the source folder (e.g. src/migrations)'
  return loading('.js').length > 0
    ? { dir, refusal: `the DataSource loads migrations from ${listed}, which is build output: ${suggestion}, which your build compiles there` }
    : { dir, refusal: `the DataSource loads migrations from ${listed}, which would not load a new ${newMigrationFile}.ts: ${suggestion}, or widen the glob` }
}

/** resolveMigrationsDir is the absolute folder of the project's migration files (see migrationsTarget). */
export function resolveMigrationsDir(dataSource: DataSource, settings: AutogenSettings, cwd = process.cwd()): string {
  return migrationsTarget(dataSource, settings, cwd).dir
}

/** MigrationEntry is one entry of a DataSource's `migrations` option: a glob or a migration class. */
export type MigrationEntry = Extract<DataSourceOptions['migrations'], readonly unknown[]>[number]

/** migrationsEntries are the entries of a DataSource's `migrations` option, listed or keyed. */
export function migrationsEntries(dataSource: DataSource): readonly MigrationEntry[] {
  return mixedListItems<MigrationEntry>(dataSource.options.migrations)
}

function folderOf(glob: string, cwd: string): string {
  return path.resolve(cwd, folderOfGlob(glob)!)
}

/** loadsNewFile says whether `glob` would load a migration file with `extension` written into its folder. */
function loadsNewFile(glob: string, extension: string, cwd: string): boolean {
  const pattern = globPatternRegExp(toPosix(path.resolve(cwd, glob)))
  return pattern !== undefined && pattern.test(toPosix(path.join(folderOf(glob, cwd), `${newMigrationFile}${extension}`)))
}

function toPosix(file: string): string {
  return file.replace(/\\/g, '/')
}

/** folderOfGlob is the folder part of a path before its first glob character (`migrations/*.ts` -> `migrations`). */
export function folderOfGlob(glob: string | undefined): string | undefined {
  if (glob === undefined) return undefined
  const normalized = glob.replace(/\\/g, '/')
  const wildcard = normalized.search(globCharacters)
  const literal = wildcard === -1 ? normalized : normalized.slice(0, wildcard)
  const folder = literal.endsWith('/') ? literal.slice(0, -1) : path.posix.dirname(literal)
  return folder === '' ? '/' : folder
}
