import { migrationClassName, migrationFileName } from './migration-name'
import type { RenderedMigration } from './migration-file'
import { commentLines, stringLiteral } from './ts-literal'

const step = '    '

/**
 * renderEmptyMigrationFile writes a migration for changes written by hand (data migrations): named, laid
 * out and headed like a generated one (see migration-file.ts), with `up` and `down` left to fill in.
 */
export function renderEmptyMigrationFile(name: string, timestamp: number): RenderedMigration {
  const className = migrationClassName(name, timestamp)
  const header = [
    `${className}: created by typeorm-autogen, written by hand. Review it before you run it.`,
    '',
    'Changes:',
    '  (describe here what up() changes, for `typeorm-autogen history`)',
  ]
  const method = (direction: 'up' | 'down', todo: string) => [
    `${step}public async ${direction}(queryRunner: QueryRunner): Promise<void> {`,
    `${step}${step}// ${todo}`,
    `${step}}`,
  ]
  const lines = [
    ...header.flatMap((line) => commentLines(line)),
    '',
    "import type { MigrationInterface, QueryRunner } from 'typeorm';",
    '',
    `export class ${className} implements MigrationInterface {`,
    `${step}name = ${stringLiteral(className)};`,
    '',
    ...method('up', 'Write the change here, e.g. await queryRunner.query(`UPDATE ...`);'),
    '',
    ...method('down', 'Write here what reverts up().'),
    '}',
  ]
  return { fileName: migrationFileName(name, timestamp), source: `${lines.join('\n')}\n` }
}
