import { type MigrationFormat, typeScriptMigration } from './migration-format'
import { migrationClassName, migrationFileName } from './migration-name'
import { migrationSource, type RenderedMigration } from './migration-file'
import { commentLines } from './ts-literal'

const indent = '        '

/** unfilledChangesLine stands under `Changes:` in a created migration until its author describes the change. */
export const unfilledChangesLine = '(describe here what up() changes, for `typeorm-autogen history`)'

/**
 * renderEmptyMigrationFile writes a migration for changes written by hand (data migrations): named, laid
 * out and headed like a generated one (see migration-file.ts), with `up` and `down` left to fill in.
 */
export function renderEmptyMigrationFile(name: string, timestamp: number, format: MigrationFormat = typeScriptMigration): RenderedMigration {
  const className = migrationClassName(name, timestamp)
  const header = [
    `${className}: created by typeorm-autogen, written by hand. Review it before you run it.`,
    '',
    'Changes:',
    `  ${unfilledChangesLine}`,
  ].flatMap((line) => commentLines(line))
  const source = migrationSource(header, className,
    [`${indent}// Write the change here, e.g. await queryRunner.query(\`UPDATE ...\`);`],
    [`${indent}// Write here what reverts up().`], format)
  return { fileName: migrationFileName(name, timestamp, format), source }
}
