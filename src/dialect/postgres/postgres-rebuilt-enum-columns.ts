import { sameName } from '../../model/qualified-name'
import type { ColumnModel, TableModel } from '../../model/schema-model'
import type { ChangeSet } from '../../plan/change-set'
import { onlyAddsLabels } from '../../model/enum-only-adds'

/**
 * rebuiltEnumColumns are the columns `ops[index]` moves to a new type when it rebuilds an enum type (labels
 * removed or reordered, see alterEnumSql), each with its table just before; none for any other operation.
 */
export function rebuiltEnumColumns(changes: ChangeSet, index: number): { readonly table: TableModel; readonly column: ColumnModel }[] {
  const op = changes.ops[index]!
  if (op.kind !== 'alter_enum' || onlyAddsLabels(op.from.values, op.to.values)) return []
  const tables = changes.schemaAt(index).tables
  return op.users.flatMap(({ table, column }) => {
    const found = tables.find((t) => sameName(t, table))
    return found === undefined ? [] : [{ table: found, column }]
  })
}
