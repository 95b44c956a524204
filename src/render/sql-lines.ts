import type { Statement } from '../dialect/statement'
import { type Hazard, isNote } from '../hazards/hazard'
import { hazardComment, hazardPointer, placeHazards } from './hazard-text'
import { hang } from './text-lines'

/** pointerComment marks a statement with the hazard it carries out, whose sentence the text above already gave. */
export function pointerComment(hazard: Hazard): string {
  return `${isNote(hazard) ? 'note' : 'hazard'} ${hazardPointer(hazard)}`
}

/**
 * sqlLines writes statements as a SQL script, each ending with `;`, notes on statements and the hazards
 * they carry out as `--` comments (written by `comment`: in full, or as pointers).
 */
export function sqlLines(statements: readonly Statement[], hazards: readonly Hazard[] = [], comment = hazardComment): string[] {
  const { byStatement, unplaced } = placeHazards(statements, hazards)
  const hazardNotes = (list: readonly Hazard[]) => list.flatMap((h) => hang(comment(h), '-- ', '--   '))
  return [...hazardNotes(unplaced), ...statements.flatMap((statement, i) => [
    ...hazardNotes(byStatement.get(i) ?? []),
    ...sqlComment(statement.commitBeforeUse, 'generate writes this change as migrations cut before the first statement that needs this one committed: '),
    ...sqlComment(statement.failIfRows, 'must return no rows, else: '),
    `${statement.sql};`,
  ])]
}

function sqlComment(note: string | undefined, prefix: string): string[] {
  if (note === undefined) return []
  return hang(`${prefix}${note}`, '-- ', '--   ')
}
