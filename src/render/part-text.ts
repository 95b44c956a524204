import type { MigrationPart } from '../plan/migration-part'
import { bullets } from './text-lines'

/** partLines explain, in a migration's header, that it is one of several migrations of one change, and why. */
export function partLines(part: MigrationPart): string[] {
  const count = part.classes.length
  return [
    `Part ${part.number} of ${count} of one change: ${part.classes.join(partsSeparator)}.`,
    'It is cut in parts so that each runs whole in one transaction, in TypeORM\'s default mode, because:',
    ...bullets(part.reasons, '  '),
    'Run the parts in this order (upgrade and TypeORM\'s migration:run do); revert them in the reverse order.',
    ...(part.number > 1 ? ['up() first commits the parts before it, also when TypeORM runs all pending migrations in one transaction.'] : []),
  ]
}

const partsSeparator = ', then '

/** partsOfLine reads back the parts a header line of partLines names, in their order; undefined for any other line. */
export function partsOfLine(line: string): string[] | undefined {
  return /^Part \d+ of \d+ of one change: (.+)\.$/.exec(line)?.[1]?.split(partsSeparator)
}

/**
 * commitFirstLines open `up` of every part after the first: they commit what ran before, so that this part
 * may use it. TypeORM's default mode ('all') runs every pending migration in one transaction; committing at
 * this migration boundary keeps each part, and the record TypeORM writes for it, whole.
 */
export function commitFirstLines(indent: string): string[] {
  return [
    `${indent}// Commit the parts before this one (and their records), so that this part can use what they added.`,
    `${indent}if (queryRunner.isTransactionActive) {`,
    `${indent}    await queryRunner.commitTransaction();`,
    `${indent}    await queryRunner.startTransaction();`,
    `${indent}}`,
  ]
}
