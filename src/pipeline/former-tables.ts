import { matchTableHint } from '../diff/rename-hint-match'
import { type RenameHint, renamedTableName } from '../diff/rename-types'
import { qualifiedKey } from '../model/qualified-name'
import type { QualifiedName, SchemaModel } from '../model/schema-model'
import type { FormerTable } from '../dialect/dialect'

/**
 * formerTables reads the table hints (`@RenamedFrom`, `--rename`) that apply to the database as it is: each
 * entity table one of them renames or moves comes from the database's table it names.
 */
export function formerTables(hints: readonly RenameHint[], actual: SchemaModel, desired: SchemaModel): FormerTable {
  const former = new Map<string, QualifiedName>()
  for (const hint of hints) {
    if (hint.kind !== 'table') continue
    const match = matchTableHint(actual, desired, hint)
    if ('decision' in match) former.set(qualifiedKey(renamedTableName(match.decision)), match.decision.table)
  }
  return (table) => former.get(qualifiedKey(table))
}
