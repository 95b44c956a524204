import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, posix } from 'node:path'
import { compareText } from '../model/qualified-name'
import { isTypeScriptSource, scriptBaseName } from './script-extensions'
import { isMigrationIndex } from './migration-index-file'

/** MigrationFile is one migration source file of a folder and the migration name TypeORM would record for it. */
export interface MigrationFile {
  readonly file: string
  /** Its path in the migrations folder, `/`-separated: the file's name, or `<subfolder>/<name>` (see migrationFilesIn). */
  readonly fileName: string
  /** Its class's `name` property, else its exported class name, else `<Name><timestamp>` from `<timestamp>-<Name>.ts`. */
  readonly name?: string
  readonly source: string
}

const migrationFile = /\.(ts|js|cjs|mjs)$/
/**
 * nameProperty finds a class's `name` property (`name = 'X'`, `public readonly name: string = 'X'`, compiled
 * `this.name = 'X'`), group 2, as a statement of its own: not `WHERE name='X'` inside a query's text.
 */
const nameProperty = /(?:^|[{;])[ \t]*(?:(?:public|readonly|override)\s+)*(?:this\.)?name\s*(?::\s*string\s*)?=\s*(['"`])([^'"`\n]+)\1/m
/** exportedClassName finds the class a migration file exports (`export class X`, `module.exports = class X`): its name is group 1. */
export const exportedClassName = /(?:\bexport\s+(?:default\s+)?|\bmodule\.exports\s*=\s*)class\s+([A-Za-z_$][\w$]*)/
const timestampedFileName = /^(\d{13})-([A-Za-z][A-Za-z0-9_]*)\./

/** fileNameParts are the timestamp and name of a migration file named as generate and create name them (`<timestamp>-<Name>.<ext>`). */
export function fileNameParts(fileName: string): { readonly timestamp: string; readonly name: string } | undefined {
  const match = timestampedFileName.exec(fileName)
  return match === null ? undefined : { timestamp: match[1]!, name: match[2]! }
}

/**
 * migrationFilesIn lists the migration files (`.ts`, `.js`, `.cjs`, `.mjs`, not `.d.ts` nor hidden) of `dir`
 * in file-name order, without loading them; none when the folder does not exist. With `subfolders` (the
 * DataSource's globs load migrations from them, as a `migrations/**` glob does) the files of its subfolders
 * are listed too, named by their path in `dir` (`17.x/1700000000000-Init.ts`), hidden folders and
 * `node_modules` left out. Unreadable files are skipped, and so is a build beside its source
 * (`1700000000000-Init.js` beside `1700000000000-Init.ts`, compiled in place), and an index of the migrations
 * (see isMigrationIndex, and migrationIndexesIn).
 */
export function migrationFilesIn(dir: string, subfolders: boolean): MigrationFile[] {
  return scriptsOf(dir, subfolders).filter((script) => !script.index).map(({ file, fileName, source }) => {
    const fromFileName = fileNameParts(posix.basename(fileName))
    const name = nameProperty.exec(source)?.[2] ?? exportedClassName.exec(source)?.[1] ?? (fromFileName && `${fromFileName.name}${fromFileName.timestamp}`)
    return { file, fileName, ...(name && { name }), source }
  })
}

/** migrationIndexesIn lists the files of `dir` itself that are an index of its migrations (see isMigrationIndex), in file-name order. */
export function migrationIndexesIn(dir: string): MigrationFile[] {
  return scriptsOf(dir, false).filter((script) => script.index).map(({ file, fileName, source }) => ({ file, fileName, source }))
}

/**
 * scriptsOf reads the script files of `dir` (and of its subfolders: see migrationFilesIn) that may be migrations,
 * each said to be an index of those beside it or not.
 */
function scriptsOf(dir: string, subfolders: boolean): (MigrationFile & { readonly index: boolean })[] {
  const entries = subfolders ? pathsUnder(dir) : folderEntries(dir)
  const sources = new Set(entries.filter(isTypeScriptSource).map(scriptBaseName))
  const builtBesideSource = (fileName: string) => !isTypeScriptSource(fileName) && sources.has(scriptBaseName(fileName))
  const scripts = entries.filter((fileName) => migrationFile.test(fileName) && !fileName.endsWith('.d.ts') && !posix.basename(fileName).startsWith('.') && !builtBesideSource(fileName))
  const besides = (fileName: string) => scripts
    .filter((other) => other !== fileName && posix.dirname(other) === posix.dirname(fileName))
    .map((other) => posix.basename(other))
  return scripts.sort(compareText).flatMap((fileName) => {
    const file = join(dir, fileName)
    let source: string
    try {
      source = readFileSync(file, 'utf8')
    } catch {
      return []
    }
    return [{ file, fileName, source, index: isMigrationIndex(source, besides(fileName)) }]
  })
}

/** migrationNamesIn names the migrations of `dir`'s files as TypeORM records them, in file-name order (see migrationFilesIn). */
export function migrationNamesIn(dir: string, subfolders: boolean): string[] {
  return namesOf(migrationFilesIn(dir, subfolders))
}

/** namesOf names the migrations of `files` that have a name. */
export function namesOf(files: readonly MigrationFile[]): string[] {
  return files.flatMap((f) => (f.name === undefined ? [] : [f.name]))
}

/** folderEntries lists the names in `dir`, or none when it is missing or not a folder (writing there fails later, clearly). */
export function folderEntries(dir: string): string[] {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true ? readdirSync(dir) : []
}

/** pathsUnder lists the files in `dir` and, below it, in its subfolders (not hidden ones nor `node_modules`), by their `/`-separated path in `dir`. */
function pathsUnder(dir: string, prefix = ''): string[] {
  return folderEntries(dir).flatMap((entry) => {
    const path = join(dir, entry)
    const isFolder = statSync(path, { throwIfNoEntry: false })?.isDirectory() === true
    if (!isFolder) return [prefix + entry]
    return entry.startsWith('.') || entry === 'node_modules' ? [] : pathsUnder(path, `${prefix}${entry}/`)
  })
}
