import * as path from 'node:path'
import type { DataSource, DataSourceOptions } from 'typeorm'
import type { AutogenSettings } from './autogen-settings'
import { globPatternRegExp } from './glob-pattern'
import { mixedListItems } from './mixed-list'
import { type MigrationFormat, javaScriptMigration, typeScriptMigration } from '../render/migration-format'
import { folderEntries } from './migration-files'
import { isInModulePackage } from './module-package'
import { nearestAbove } from './nearest-above'
import { isTypeScriptSource } from './script-extensions'
import { compiledFolderOf, insideOutDir, sourceFolderOf } from './build-folders'

const javaScriptExtensions: readonly string[] = ['.js', '.cjs', '.mjs']
const tsconfigOfFolder = new Map<string, string | undefined>()
const globCharacters = /[*?[\]{}()!]/
/** A file name as `generate` writes it, to ask which of the DataSource's globs would load a new migration. */
const newMigrationFile = '1700000000000-Migration'

/** MigrationsTarget is the folder of the project's migration files, and whether `generate` may write there. */
export interface MigrationsTarget {
  /** Absolute folder migration files are read from, and written to unless `refusal` says why not. */
  readonly dir: string
  /** One line saying why a file written to `dir` would not be run by `upgrade`, naming autogen.migrationsDir. */
  readonly refusal?: string
  /** The language a new migration is written in there. */
  readonly format: MigrationFormat
}

/**
 * migrationsTarget says where `generate` writes a migration so that `upgrade`, with the DataSource's own
 * `migrations` option, finds and loads it, and in what language: `autogen.migrationsDir` when set (the user
 * names the source folder); else `./migrations` when the DataSource lists none; else the folder of the one
 * `migrations` glob that would load a new `.ts` file there, or else a new `.js` (`.cjs`, `.mjs`) file of a
 * JavaScript project (see formatOfFolder). Migrations listed as classes, globs of build output (`*.js`
 * compiled from TypeScript) and several globs that would each load it give a `refusal` instead, with `dir`
 * the first glob's folder (or `./migrations`) to read from. Paths resolve against the working directory, as
 * TypeORM's globs do. `configPath` is the config file's; without it the project is taken for TypeScript.
 */
export function migrationsTarget(dataSource: DataSource, settings: AutogenSettings, cwd = process.cwd(), configPath?: string): MigrationsTarget {
  const entries = migrationsEntries(dataSource)
  const globs = entries.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '')
  // The language is read (the folder listed, the tsconfig found) only by what writes a migration, not by every load.
  const placed = (folder: string): MigrationsTarget => ({ dir: folder, get format() { return formatOfFolder(folder, globs, cwd, configPath) } })
  if (settings.migrationsDir !== undefined) return placed(path.resolve(cwd, settings.migrationsDir))
  const dir = path.resolve(cwd, folderOfGlob(globs[0]) ?? 'migrations')
  const refused = (refusal: string) => ({ dir, refusal, format: typeScriptMigration })
  if (entries.length === 0) return placed(dir)
  if (globs.length === 0) {
    return refused('the DataSource lists its migrations as classes, so a new migration file would not be run: set autogen.migrationsDir to the folder of their files (e.g. src/migrations) and list each new class in the DataSource')
  }
  const loading = (extensions: readonly string[]) =>
    [...new Set(globs.filter((glob) => extensions.some((extension) => loadsNewFile(glob, folderOf(glob, cwd), extension, cwd))).map((glob) => folderOf(glob, cwd)))]
  const listed = globs.join(', ')
  const severalFolders = `the DataSource loads migrations from ${listed}, and a new migration could go to any of them: set autogen.migrationsDir to the folder to write to (e.g. src/migrations)`
  // A glob that loads `.ts` files from the tsconfig's outDir (`dist/migrations/*{.ts,.js}`) loads build output all the same.
  const folders = loading(['.ts']).filter((folder) => !insideOutDir(folder))
  if (folders.length === 1) return placed(folders[0]!)
  if (folders.length > 1) return refused(severalFolders)
  const javaScriptFolders = loading(javaScriptExtensions)
  const ownFolders = javaScriptFolders.filter((folder) => !isBuildOutput(folder, configPath))
  if (ownFolders.length === 1 && javaScriptFolders.length === 1) return placed(ownFolders[0]!)
  if (ownFolders.length > 1) return refused(severalFolders)
  const source = sourceFolderOf(dir)
  const suggestion = source === undefined
    ? 'set autogen.migrationsDir to the source folder (e.g. src/migrations)'
    : `set autogen.migrationsDir to the source folder (${toPosix(path.relative(cwd, source) || '.')})`
  const extension = isBuildOutput(dir, configPath) ? '.ts' : '.js'
  if (javaScriptFolders.length > 0) return refused(`the DataSource loads migrations from ${listed}, which is build output: ${suggestion}, which your build compiles there`)
  const fileNames = globs.map(fileNamesOnly)
  if (fileNames.every((fileName) => fileName !== undefined)) {
    // autogen.migrationsDir would not do: upgrade would run every file of the folder, those the names leave out too
    // (another database's, where one folder holds each database's migrations under a prefix, as HedgeDoc 2's does).
    const folder = folderOfGlob(globs[0])!
    const example = `${folder === '.' || globCharacters.test(folder) ? '' : `${folder}/`}<folder>/*${extension}`
    return refused(`the DataSource loads migrations from ${listed}, only files named ${[...new Set(fileNames)].join(', ')}, and generate names a new one ${newMigrationFile}${extension}: add to the DataSource's migrations a glob that loads the new ones from a folder of their own (as ${example}), where generate then writes them`)
  }
  return refused(`the DataSource loads migrations from ${listed}, which would not load a new ${newMigrationFile}${extension}: ${suggestion}, or widen the glob`)
}

/**
 * fileNamesOnly is the file-name part of a `migrations` glob (`sqlite-*.ts` of `src/migrations/sqlite-*.ts`) when
 * that part alone leaves out a migration named as generate names one (`1700000000000-Migration.ts`, `.js`, ...),
 * wherever it is written; undefined when it would let the name in, or when it cannot be read.
 */
function fileNamesOnly(glob: string): string | undefined {
  const fileName = toPosix(glob).split('/').pop()!
  const pattern = globPatternRegExp(fileName)
  if (fileName === '**' || pattern === undefined) return undefined
  return ['.ts', ...javaScriptExtensions].some((extension) => pattern.test(`${newMigrationFile}${extension}`)) ? undefined : fileName
}

/** resolveMigrationsDir is the absolute folder of the project's migration files (see migrationsTarget). */
export function resolveMigrationsDir(dataSource: DataSource, settings: AutogenSettings, cwd = process.cwd(), configPath?: string): string {
  return migrationsTarget(dataSource, settings, cwd, configPath).dir
}

/**
 * loadsMigrationsFromSubfolders says whether one of the DataSource's `migrations` globs loads a migration file
 * in a subfolder of `dir` (`src/migrations/**` with subfolders by release), so that the files there are the
 * project's migrations as much as those of `dir` itself. Paths resolve against the working directory. Where
 * `dir` is a source folder (autogen.migrationsDir) that the build compiles into the tsconfig's outDir, a glob
 * loading the compiled subfolders (`dist/src/migrations/**` from `src/migrations/common`) counts too.
 */
export function loadsMigrationsFromSubfolders(dataSource: DataSource, dir: string, cwd = process.cwd()): boolean {
  const compiled = compiledFolderOf(dir)
  const subfolders = [dir, ...(compiled === undefined ? [] : [compiled])].map((folder) => path.join(folder, 'subfolder'))
  return migrationsEntries(dataSource).some((entry) => typeof entry === 'string' &&
    subfolders.some((subfolder) => ['.ts', ...javaScriptExtensions].some((extension) => loadsNewFile(entry, subfolder, extension, cwd))))
}

/** MigrationEntry is one entry of a DataSource's `migrations` option: a glob or a migration class. */
export type MigrationEntry = Extract<DataSourceOptions['migrations'], readonly unknown[]>[number]

/**
 * listsMigrationClasses says whether the DataSource lists migrations as classes (`migrations: [Init1700000000000]`),
 * which TypeORM's own CLI and an application's `migrationsRun` run, and a new file only once its class is listed.
 */
export function listsMigrationClasses(dataSource: DataSource): boolean {
  return migrationsEntries(dataSource).some((entry) => typeof entry === 'function')
}

/** migrationsEntries are the entries of a DataSource's `migrations` option, listed or keyed. */
export function migrationsEntries(dataSource: DataSource): readonly MigrationEntry[] {
  return mixedListItems<MigrationEntry>(dataSource.options.migrations)
}

function folderOf(glob: string, cwd: string): string {
  return path.resolve(cwd, folderOfGlob(glob)!)
}

/** loadsNewFile says whether `glob` would load a migration file with `extension` written into `folder`. */
function loadsNewFile(glob: string, folder: string, extension: string, cwd: string): boolean {
  const pattern = globPatternRegExp(toPosix(path.resolve(cwd, glob)))
  return pattern !== undefined && pattern.test(toPosix(path.join(folder, `${newMigrationFile}${extension}`)))
}

/**
 * formatOfFolder is the language of a new migration in `folder`: JavaScript where the project is a
 * JavaScript one (its config is, and the folder is not build output) and the DataSource loads a new `.js`,
 * `.cjs` or `.mjs` file there (with no glob, upgrade loads the folder's `.js`); else TypeScript. A glob that
 * loads `.ts` too (`migrations/*{.ts,.js}`) gets TypeScript only under a tsconfig.json, into a folder with no
 * JavaScript in it: plain Node, and so TypeORM's own CLI, cannot load a `.ts` file.
 */
function formatOfFolder(folder: string, globs: readonly string[], cwd: string, configPath: string | undefined): MigrationFormat {
  if (isBuildOutput(folder, configPath)) return typeScriptMigration
  const loads = (extension: string) => globs.some((glob) => loadsNewFile(glob, folder, extension, cwd))
  const holdsJavaScript = folderEntries(folder).some((fileName) => javaScriptExtensions.includes(path.extname(fileName)))
  if (globs.length > 0 && loads('.ts') && !holdsJavaScript && nearestAbove(folder, 'tsconfig.json', 'file', tsconfigOfFolder) !== undefined) return typeScriptMigration
  const extension = globs.length === 0 ? '.js' : javaScriptExtensions.find(loads)
  if (extension === undefined) return typeScriptMigration
  return javaScriptMigration(extension, isInModulePackage(path.join(folder, `${newMigrationFile}${extension}`)))
}

/**
 * isBuildOutput says whether the `.js` files of `folder` are compiled from TypeScript rather than the
 * project's own: the config is TypeScript (or unknown), the folder holds `.ts` files, or it is inside the
 * `outDir` of the tsconfig.json above it.
 */
function isBuildOutput(folder: string, configPath: string | undefined): boolean {
  if (configPath === undefined || isTypeScriptSource(configPath)) return true
  if (folderEntries(folder).some((fileName) => isTypeScriptSource(fileName))) return true
  return insideOutDir(folder)
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
