import type { MigrationPart } from './migration-plan'
import { bullets } from './text-lines'

/** partLines explain, in a migration's header, that it is one of several migrations of one change, and why. */
export function partLines(part: MigrationPart): string[] {
  const count = part.classes.length
  return [
    `Part ${part.number} of ${count} of one change: ${part.classes.join(', then ')}.`,
    'It is cut in parts so that each runs whole in one transaction, in TypeORM\'s default mode, because:',
    ...bullets(part.reasons, '  '),
    'Run the parts in this order (upgrade and TypeORM\'s migration:run do); revert them in the reverse order.',
  ]
}
