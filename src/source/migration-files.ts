import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { compareText } from '../model/qualified-name'
import { isTypeScriptSource, scriptBaseName } from './script-extensions'
import { isMigrationIndex } from './migration-index-file'

/** MigrationFile is one migration source file of a folder and the migration name TypeORM would record for it. */
export interface MigrationFile {
  readonly file: string
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
 * in file-name order, without loading them; none when the folder does not exist. Unreadable files are skipped,
 * and so is a build beside its source (`1700000000000-Init.js` beside `1700000000000-Init.ts`, compiled in place),
 * and an index of the migrations (see isMigrationIndex, and migrationIndexesIn).
 */
export function migrationFilesIn(dir: string): MigrationFile[] {
  return scriptsOf(dir).filter((script) => !script.index).map(({ file, fileName, source }) => {
    const fromFileName = fileNameParts(fileName)
    const name = nameProperty.exec(source)?.[2] ?? exportedClassName.exec(source)?.[1] ?? (fromFileName && `${fromFileName.name}${fromFileName.timestamp}`)
    return { file, fileName, ...(name && { name }), source }
  })
}

/** migrationIndexesIn lists the files of `dir` that are an index of its migrations (see isMigrationIndex), in file-name order. */
export function migrationIndexesIn(dir: string): MigrationFile[] {
  return scriptsOf(dir).filter((script) => script.index).map(({ file, fileName, source }) => ({ file, fileName, source }))
}

/** scriptsOf reads the script files of `dir` that may be migrations (see migrationFilesIn), each said to be an index of them or not. */
function scriptsOf(dir: string): (MigrationFile & { readonly index: boolean })[] {
  const entries = folderEntries(dir)
  const sources = new Set(entries.filter(isTypeScriptSource).map(scriptBaseName))
  const builtBesideSource = (fileName: string) => !isTypeScriptSource(fileName) && sources.has(scriptBaseName(fileName))
  const scripts = entries.filter((fileName) => migrationFile.test(fileName) && !fileName.endsWith('.d.ts') && !fileName.startsWith('.') && !builtBesideSource(fileName))
  return scripts.sort(compareText).flatMap((fileName) => {
    const file = join(dir, fileName)
    let source: string
    try {
      source = readFileSync(file, 'utf8')
    } catch {
      return []
    }
    return [{ file, fileName, source, index: isMigrationIndex(source, scripts.filter((other) => other !== fileName)) }]
  })
}

/** migrationNamesIn names the migrations of `dir`'s files as TypeORM records them, in file-name order (see migrationFilesIn). */
export function migrationNamesIn(dir: string): string[] {
  return namesOf(migrationFilesIn(dir))
}

/** namesOf names the migrations of `files` that have a name. */
export function namesOf(files: readonly MigrationFile[]): string[] {
  return files.flatMap((f) => (f.name === undefined ? [] : [f.name]))
}

/** folderEntries lists the names in `dir`, or none when it is missing or not a folder (writing there fails later, clearly). */
export function folderEntries(dir: string): string[] {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true ? readdirSync(dir) : []
}
