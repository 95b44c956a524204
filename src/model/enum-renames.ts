import type { EnumTypeModel, SchemaModel } from './schema-model'
import { namedIn } from './qualified-name'

/** EnumRename is an enum type of the database (`from`) that the entities keep under another name (`to`). */
export interface EnumRename {
  readonly from: EnumTypeModel
  readonly to: EnumTypeModel
}

/**
 * enumRenames pairs each enum type only the database has with one only the entities have, in the same
 * schema and with the same labels in the same order: the same type under another name. A type the
 * entities' columns take the place of is preferred; a pair is made only where it is the one candidate
 * otherwise. Pure.
 */
export function enumRenames(actual: SchemaModel, desired: SchemaModel): EnumRename[] {
  const [desiredEnum, actualEnum] = [namedIn(desired.enums), namedIn(actual.enums)]
  const gone = actual.enums.filter((e) => desiredEnum(e) === undefined)
  const fresh = desired.enums.filter((d) => actualEnum(d) === undefined)
  const labelsOf = new Map<EnumTypeModel, string>()
  const labels = (e: EnumTypeModel) => {
    let known = labelsOf.get(e)
    if (known === undefined) labelsOf.set(e, (known = JSON.stringify([e.schema ?? null, e.values])))
    return known
  }
  const replaced = replacedEnumNames(actual, desired)
  const replaces = (from: EnumTypeModel, to: EnumTypeModel) => replaced.has(`${from.name}\0${to.name}`)
  const pairs: EnumRename[] = []
  for (const to of fresh) {
    const candidates = gone.filter((from) => labels(from) === labels(to))
    const from = candidates.find((c) => replaces(c, to)) ?? (candidates.length === 1 ? candidates[0] : undefined)
    if (from === undefined) continue
    gone.splice(gone.indexOf(from), 1)
    pairs.push({ from, to })
  }
  return pairs
}

/**
 * replacedEnumNames lists, as `from\0to`, the enum type names where a column of a table uses `from` in the
 * database and `to` in the entities: read once, where each pair of candidates would read every table again.
 */
function replacedEnumNames(actual: SchemaModel, desired: SchemaModel): Set<string> {
  const actualTable = namedIn(actual.tables)
  const pairs = new Set<string>()
  for (const table of desired.tables) {
    const current = actualTable(table)
    if (current === undefined) continue
    const enumOf = new Map(current.columns.map((c) => [c.name, c.enumName]))
    for (const column of table.columns) {
      const from = enumOf.get(column.name)
      if (column.enumName !== undefined && from !== undefined) pairs.add(`${from}\0${column.enumName}`)
    }
  }
  return pairs
}
