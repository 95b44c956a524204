import type { EnumTypeModel, SchemaModel } from '../model/schema-model'
import { nameOf, namedIn, sameName } from '../model/qualified-name'
import type { Operation } from '../operations/operation'

/**
 * renamedEnums pairs each enum type only the database has with one only the entities have, in the same
 * schema and with the same labels in the same order: the same type under another name. A type the
 * entities' columns take the place of is preferred; a pair is made only where it is the one candidate
 * otherwise. Pure.
 */
export function renamedEnums(actual: SchemaModel, desired: SchemaModel): Operation[] {
  const [desiredEnum, actualEnum] = [namedIn(desired.enums), namedIn(actual.enums)]
  const gone = actual.enums.filter((e) => desiredEnum(e) === undefined)
  const fresh = desired.enums.filter((d) => actualEnum(d) === undefined)
  const labels = (e: EnumTypeModel) => JSON.stringify([e.schema ?? null, e.values])
  const ops: Operation[] = []
  for (const to of fresh) {
    const candidates = gone.filter((from) => labels(from) === labels(to))
    const from = candidates.find((c) => replaces(actual, desired, c, to)) ?? (candidates.length === 1 ? candidates[0] : undefined)
    if (from === undefined) continue
    gone.splice(gone.indexOf(from), 1)
    ops.push({ kind: 'rename_enum', from: nameOf(from), to: nameOf(to) })
  }
  return ops
}

/** replaces says whether some column uses `from` in the database and `to` in the entities. */
function replaces(actual: SchemaModel, desired: SchemaModel, from: EnumTypeModel, to: EnumTypeModel): boolean {
  return desired.tables.some((table) => {
    const current = actual.tables.find((t) => sameName(t, table))
    return table.columns.some((column) => column.enumName === to.name &&
      current?.columns.some((c) => c.name === column.name && c.enumName === from.name) === true)
  })
}
