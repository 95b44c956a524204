import type { QualifiedName, SchemaModel } from '../model/schema-model'
import { qualifiedKey, sameName } from '../model/qualified-name'
import type { Operation, OperationOf } from '../operations/operation'

/**
 * movedEnumTypes moves along the enum types of a table moved to another schema (`moves`, on `actual`, the
 * database before the renames), renamed as the entities name them there: PostgreSQL leaves a type in its
 * schema, while the entities (as TypeORM) keep a column's type in its table's schema. A type another table
 * uses too, or one the entities still want where it is, stays (the diff then gives the column a new type).
 */
export function movedEnumTypes(actual: SchemaModel, desired: SchemaModel, moves: readonly OperationOf<'rename_table'>[]): Operation[] {
  const exists = (s: SchemaModel, name: QualifiedName) => s.enums.some((e) => sameName(e, name))
  const claimed = new Set<string>()
  const ops: Operation[] = []
  for (const move of moves) {
    if (move.from.schema === move.to.schema) continue
    const wanted = desired.tables.find((t) => sameName(t, move.to))
    for (const column of move.table.columns) {
      const wantedName = wanted?.columns.find((c) => c.name === column.name)?.enumName
      if (column.enumName === undefined || wantedName === undefined) continue
      const from = { schema: move.from.schema, name: column.enumName }
      const to = { schema: move.to.schema, name: wantedName }
      const otherUsers = actual.tables.some((t) => t.schema === from.schema && !sameName(t, move.from) && t.columns.some((c) => c.enumName === from.name))
      const blocked = exists(actual, to) || exists(actual, { schema: to.schema, name: from.name }) || exists(desired, from)
      if (claimed.has(qualifiedKey(from)) || !exists(actual, from) || otherUsers || blocked) continue
      claimed.add(qualifiedKey(from))
      ops.push({ kind: 'rename_enum', from, to })
    }
  }
  return ops
}
