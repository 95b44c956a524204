import type { MigrationPhase, PhaseRecord } from '../plan/migration-phase'
import { stableData } from './stable-json'
import { bullets } from './text-lines'

/** phaseRecordPrefix starts the header line of an expand or contract migration that carries its PhaseRecord. */
export const phaseRecordPrefix = '// typeorm-autogen phase: '

/** phaseRecordLine is the header line carrying a record: the prefix and the record as one line of JSON. */
export function phaseRecordLine(record: PhaseRecord): string {
  return `${phaseRecordPrefix}${JSON.stringify(stableData(record))}`
}

/**
 * phaseLines explain, in a migration's header, which half of an expand and contract pair it is, and what
 * must happen between the two.
 */
export function phaseLines(phase: MigrationPhase): string[] {
  const moves = ['Moves:', ...bullets(phase.moves, '  ')]
  if (phase.step === 'expand') {
    return [
      'Phase: EXPAND, 1 of 2. A contract migration, written later, finishes it.',
      ...moves,
      'It adds each new column next to the old one and copies the values into it; the old columns stay,',
      'so the application code running now keeps working. Then, in this order:',
      '  1. run this migration (upgrade);',
      '  2. deploy the code that reads and writes the new columns (the entities this was generated from);',
      '     a type change keeps the column\'s name and old type until contract: only this tool uses "__new";',
      '  3. once no running code reads the old columns, write the contract migration with',
      '     `typeorm-autogen generate <Name> --contract`, review it, and run it.',
      'No triggers keep the two columns in sync: what code writes into one column after this migration does',
      'not reach the other. Contract copies once more before it drops the old column: a renamed column into',
      'the rows where the new one is still NULL, a retyped column into every row.',
      'down() drops the new columns; values written only into them are copied back where the old column is NULL.',
      'The last line of this comment records what moves, for the contract step: leave it as it is.',
    ]
  }
  return [
    `Phase: CONTRACT, 2 of 2. It finishes ${phase.partners.join(', ')};`,
    'run it once the code using the new columns is deployed everywhere: it drops the old columns, and code still',
    'reading them fails.',
    ...moves,
    'It copies the old column into the new one once more (a renamed column into the rows where the new one is',
    'NULL, a retyped column into every row), drops the old column, and gives the new one its name and its',
    'full definition (NOT NULL, default, indexes and constraints).',
    'No triggers kept the two columns in sync between the migrations: values changed in a renamed column\'s',
    'old column after expand, in rows the new column already holds, are not copied.',
    'down() re-adds the old columns and copies the values back from the new ones, so the rows are restored.',
  ]
}
