import type { IndexModel, SchemaModel } from '../model/schema-model'
import { qualifiedKey } from '../model/qualified-name'
import { refuseAll } from '../source/refusals'

/**
 * refuseRepeatedIndexNames stops a comparison, naming every one, where the entities declare two different indexes of one name on a
 * table (two `@Index('by_start', ...)` of other columns or options): no database holds both, and the migration
 * would fail on the second. Indexes declared twice alike are one already (indexModelsOf); a dialect with a
 * reason of its own to refuse such a pair says it first.
 */
export function refuseRepeatedIndexNames(desired: SchemaModel): void {
  refuseAll(desired.tables.flatMap((table) => {
    const names = table.indexes.map((index) => index.name)
    const repeated = names.filter((name, i) => names.indexOf(name) === i && names.lastIndexOf(name) !== i)
    return repeated.map((name) => {
      const [first, second] = table.indexes.filter((index) => index.name === name)
      return `index "${name}" on table ${qualifiedKey(table)} is declared twice, differently (${indexText(first!)}; ${indexText(second!)}): give one of them another name`
    })
  }))
}

function indexText(index: IndexModel): string {
  const kind = [index.unique ? 'unique' : undefined, index.method].filter((word) => word !== undefined).join(' ')
  return `${kind === '' ? '' : `${kind} `}on (${index.columns.join(', ')})${index.where === undefined ? '' : ` where ${index.where}`}`
}
