import type { MigrationScriptSyntax } from '../dialect/dialect'
import { type Statement, semicolonEnded } from '../dialect/statement'
import { type Hazard, isNote } from '../hazards/hazard'
import { hazardComment, hazardPointer, placeHazards } from './hazard-text'
import { hang } from './text-lines'

/** ScriptSyntax is what a script for the dialect's client needs of it. */
export type ScriptSyntax = Pick<MigrationScriptSyntax, 'failingCheck' | 'statementLines' | 'preamble'>

/** pointerComment marks a statement with the hazard it carries out, whose sentence the text above already gave. */
export function pointerComment(hazard: Hazard): string {
  return `${isNote(hazard) ? 'note' : 'hazard'} ${hazardPointer(hazard)}`
}

/** downPointerComment marks a statement of `down` with the hazard of `down` it carries out. */
export function downPointerComment(hazard: Hazard): string {
  return `down hazard ${hazardPointer(hazard)}`
}

/**
 * sqlLines writes statements as a SQL script, each ending with `;`, notes on statements and the hazards
 * they carry out as `--` comments (written by `comment`: in full, or as pointers). With the dialect's `script`
 * syntax, for a client to run: the dialect's preamble first, each statement ended as the client needs, and a
 * statement that must return no rows written as the dialect's failing check, which stops the script where it
 * returns one.
 */
export function sqlLines(
  statements: readonly Statement[], hazards: readonly Hazard[] = [], comment = hazardComment, script?: ScriptSyntax,
): string[] {
  const { byStatement, unplaced } = placeHazards(statements, hazards)
  const hazardNotes = (list: readonly Hazard[]) => list.flatMap((h) => hang(comment(h), '-- ', '--   '))
  const preamble = script === undefined || statements.length === 0 ? [] : script.preamble.flatMap((sql) => script.statementLines(sql))
  return [...preamble, ...hazardNotes(unplaced), ...statements.flatMap((statement, i) => [
    ...hazardNotes(byStatement.get(i) ?? []),
    ...sqlComment(statement.commitBeforeUse, 'generate writes this change as migrations cut before the first statement that needs this one committed: '),
    ...(statement.failIfRows !== undefined && script !== undefined
      ? [
          ...sqlComment(statement.failIfRows, 'a check: the statements below fail when the query in them returns a row, and stop the script there: '),
          ...script.failingCheck(statement.sql, statement.failIfRows.replace(/\s+/g, ' ')).map((sql) => `${sql};`),
        ]
      : [...sqlComment(statement.failIfRows, 'must return no rows, else: '), ...(script?.statementLines ?? semicolonEnded)(statement.sql)]),
  ])]
}

function sqlComment(note: string | undefined, prefix: string): string[] {
  if (note === undefined) return []
  return hang(`${prefix}${note}`, '-- ', '--   ')
}
