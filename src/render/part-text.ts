import type { MigrationPart } from '../plan/migration-part'
import { bullets } from './text-lines'

/** partLines explain, in a migration's header, that it is one of several migrations of one change, and why. */
export function partLines(part: MigrationPart): string[] {
  const count = part.classes.length
  return [
    `Part ${part.number} of ${count} of one change: ${part.classes.join(partsSeparator)}.`,
    part.lastOnline === true ? 'It is cut in parts because:' : 'It is cut in parts so that each runs whole in one transaction, in TypeORM\'s default mode, because:',
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

/** OUTSIDE_TRANSACTION_NOTE heads a migration that runs outside a transaction (see MigrationPlan.outsideTransaction). */
export const OUTSIDE_TRANSACTION_NOTE = 'This migration runs outside a transaction, as an index built without blocking writes must: each ' +
  'statement commits on its own. If one fails (rows that break a unique or a constraint, a lock it waited too long for), the ' +
  'statements before it stay applied and the migration is not recorded as run: fix the cause and run it again. Each statement ' +
  'skips what an earlier run finished, and an index a failed build left invalid is dropped and built again.'

/**
 * outsideTransactionLines wrap the body of `up` or `down` of a migration that runs outside a transaction: they
 * commit what ran before (TypeORM's runner begins a transaction for the migration, or one for all of them), run
 * the statements, each on its own, and begin a transaction again for the runner to record the migration in and commit.
 * `body` is indented one step more than `indent` already.
 */
export function outsideTransactionLines(body: readonly string[], indent: string, step: string): string[] {
  return [
    `${indent}// Outside a transaction, as CREATE INDEX CONCURRENTLY must run: commit what ran before.`,
    `${indent}const inTransaction = queryRunner.isTransactionActive;`,
    `${indent}if (inTransaction) {`,
    `${indent}${step}await queryRunner.commitTransaction();`,
    `${indent}}`,
    `${indent}try {`,
    ...body,
    `${indent}} finally {`,
    `${indent}${step}// TypeORM's runner records the migration in a transaction of its own.`,
    `${indent}${step}if (inTransaction) {`,
    `${indent}${step}${step}await queryRunner.startTransaction();`,
    `${indent}${step}}`,
    `${indent}}`,
  ]
}
