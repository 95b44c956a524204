import { matchColumnHint } from '../diff/rename-hint-match'
import type { RenameHint } from '../diff/rename-types'
import { qualifiedKey } from '../model/qualified-name'
import type { SchemaModel } from '../model/schema-model'
import type { FormerColumn } from '../dialect/dialect'
import { tableRenamesOf } from './former-tables'

/**
 * formerColumns reads the column hints (`@RenamedFrom`, `--rename`) that apply to the database as it is: each
 * entity column one of them renames comes from the database's column it names.
 */
export function formerColumns(hints: readonly RenameHint[], actual: SchemaModel, desired: SchemaModel): FormerColumn {
  const tableRenames = tableRenamesOf(hints, actual, desired)
  const former = new Map<string, string>()
  for (const hint of hints) {
    if (hint.kind !== 'column') continue
    const match = matchColumnHint(actual, desired, hint, tableRenames)
    if ('decision' in match) former.set(JSON.stringify([qualifiedKey(match.decision.table), match.decision.to]), match.decision.from)
  }
  return (table, column) => former.get(JSON.stringify([qualifiedKey(table), column]))
}
