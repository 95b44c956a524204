import { matchTableHint } from '../diff/rename-hint-match'
import { type RenameDecision, type RenameHint, renamedTableName } from '../diff/rename-types'
import { qualifiedKey } from '../model/qualified-name'
import type { QualifiedName, SchemaModel } from '../model/schema-model'
import type { FormerTable } from '../dialect/dialect'

/**
 * formerTables reads the table renames that apply to the database as it is (see tableRenamesOf): each entity
 * table one of them renames or moves comes from the database's table it names.
 */
export function formerTables(tableRenames: readonly RenameDecision[]): FormerTable {
  const former = new Map<string, QualifiedName>()
  for (const decision of tableRenames) former.set(qualifiedKey(renamedTableName(decision)), decision.table)
  return (table) => former.get(qualifiedKey(table))
}

/** tableRenamesOf are the table hints that apply to the database as it is, as decisions. */
export function tableRenamesOf(hints: readonly RenameHint[], actual: SchemaModel, desired: SchemaModel): RenameDecision[] {
  return hints.flatMap((hint) => {
    if (hint.kind !== 'table') return []
    const match = matchTableHint(actual, desired, hint)
    return 'decision' in match ? [match.decision] : []
  })
}
