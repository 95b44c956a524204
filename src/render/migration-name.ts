import { type MigrationFormat, typeScriptMigration } from './migration-format'

const namePattern = /^[A-Za-z][A-Za-z0-9_]*$/

/**
 * toMigrationName makes a PascalCase migration name from free text: `'add post tags'` -> `'AddPostTags'`.
 * Words are split at spaces and punctuation; the rest of each word keeps its case. Anything else that is not
 * an ASCII letter or digit (`é`) makes it throw rather than vanish.
 */
export function toMigrationName(text: string): string {
  const name = text
    .split(/[\s!-/:-@[-`{-~]+/)
    .filter((word) => word !== '')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('')
  assertMigrationName(name, text)
  return name
}

/** isMigrationName says whether `name` can start a TypeScript class name and a file name. */
export function isMigrationName(name: string): boolean {
  return namePattern.test(name)
}

/** assertMigrationName throws unless `name` can start a TypeScript class name and a file name. */
export function assertMigrationName(name: string, from: string = name): void {
  if (!isMigrationName(name)) {
    throw new Error(
      `render: migration name ${JSON.stringify(from)} must start with a letter and contain only letters, digits and "_"`,
    )
  }
}

/**
 * assertMigrationTimestamp throws unless `timestamp` has exactly 13 digits: TypeORM takes the last 13
 * characters of a migration's class name as its timestamp.
 */
export function assertMigrationTimestamp(timestamp: number): void {
  if (!Number.isSafeInteger(timestamp) || String(timestamp).length !== 13) {
    throw new Error(
      `render: migration timestamp ${timestamp} must be a 13-digit millisecond time, as TypeORM reads the last 13 digits of the class name`,
    )
  }
}

/** migrationClassName is `<Name><timestamp>`, TypeORM's convention for a migration class and its `name`. */
export function migrationClassName(name: string, timestamp: number): string {
  assertMigrationName(name)
  assertMigrationTimestamp(timestamp)
  return `${name}${timestamp}`
}

/** migrationFileName is `<timestamp>-<Name>.ts` (or the extension of `format`), the file TypeORM's own generator would write. */
export function migrationFileName(name: string, timestamp: number, format: MigrationFormat = typeScriptMigration): string {
  assertMigrationName(name)
  assertMigrationTimestamp(timestamp)
  return `${timestamp}-${name}${format.extension}`
}
