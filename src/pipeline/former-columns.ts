import { matchColumnHint } from '../diff/rename-hint-match'
import { type RenameDecision, type RenameHint, renamedTableName } from '../diff/rename-types'
import { qualifiedKey, sameName } from '../model/qualified-name'
import type { SchemaModel } from '../model/schema-model'
import type { FormerColumn } from '../dialect/dialect'

/**
 * formerColumns reads the column hints (`@RenamedFrom`, `--rename`) that apply to the database as it is: each
 * entity column one of them renames comes from the database's column it names. A column hint is read against
 * the database's tables as `tableRenames` (see tableRenamesOf) rename them, as the rename plan reads it.
 */
export function formerColumns(hints: readonly RenameHint[], tableRenames: readonly RenameDecision[], actual: SchemaModel, desired: SchemaModel): FormerColumn {
  const renamed = {
    ...actual,
    tables: actual.tables.map((table) => {
      const rename = tableRenames.find((r) => sameName(r.table, table))
      return rename === undefined ? table : { ...table, ...renamedTableName(rename) }
    }),
  }
  const former = new Map<string, string>()
  for (const hint of hints) {
    if (hint.kind !== 'column') continue
    const match = matchColumnHint(renamed, desired, hint, tableRenames)
    if ('decision' in match) former.set(JSON.stringify([qualifiedKey(match.decision.table), match.decision.to]), match.decision.from)
  }
  return (table, column) => former.get(JSON.stringify([qualifiedKey(table), column]))
}
