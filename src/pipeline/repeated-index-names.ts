import type { IndexModel, SchemaModel } from '../model/schema-model'
import { qualifiedKey } from '../model/qualified-name'
import { UserError } from '../source/user-error'

/**
 * refuseRepeatedIndexNames stops a comparison where the entities declare two different indexes of one name on a
 * table (two `@Index('by_start', ...)` of other columns or options): no database holds both, and the migration
 * would fail on the second. Indexes declared twice alike are one already (indexModelsOf); a dialect with a
 * reason of its own to refuse such a pair says it first.
 */
export function refuseRepeatedIndexNames(desired: SchemaModel): void {
  for (const table of desired.tables) {
    const repeated = table.indexes.find((index, i) => table.indexes.findIndex((other) => other.name === index.name) !== i)
    if (repeated === undefined) continue
    const [first, second] = table.indexes.filter((index) => index.name === repeated.name)
    throw new UserError(
      `index "${repeated.name}" on table ${qualifiedKey(table)} is declared twice, differently (${indexText(first)}; ${indexText(second)}): give one of them another name`,
    )
  }
}

function indexText(index: IndexModel): string {
  const kind = [index.unique ? 'unique' : undefined, index.method].filter((word) => word !== undefined).join(' ')
  return `${kind === '' ? '' : `${kind} `}on (${index.columns.join(', ')})${index.where === undefined ? '' : ` where ${index.where}`}`
}
