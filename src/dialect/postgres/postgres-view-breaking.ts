import type { ViewSource } from '../../model/schema-model'
import type { ChangeSet } from '../../plan/change-set'
import { columnNameBefore } from '../../plan/column-name-before'
import { onlyAddsLabels } from '../../model/enum-only-adds'
import { changesColumnType, recomputes } from './postgres-alter-column-sql'
import { generatedReading } from './postgres-regenerated-columns'

/**
 * retypedColumns names the columns whose type `changes` change: PostgreSQL refuses to alter the type of a column
 * a view reads ("cannot alter type of a column used by a view or rule"), a change of collation alone included
 * (ALTER COLUMN ... TYPE sets it), and an enum type rebuilt (labels
 * removed or reordered) moves every column using it to the new type. A generated column dropped and added
 * again (a new expression, or the type of a column it reads changing: see postgresRegeneratedColumns)
 * takes the views reading it along. Views follow renames by themselves (they hold tables and columns by
 * number), so renames break nothing. Names are those before the migration, as views read them.
 */
export function retypedColumns(changes: ChangeSet): ViewSource[] {
  const before = changes.schemaAt(0)
  return changes.ops.flatMap((op, i): ViewSource[] => {
    if (op.kind === 'alter_column') {
      const regenerated = [
        ...(recomputes(op) ? [op.from.name] : []),
        ...(changesColumnType(op) ? generatedReading(changes.tableBefore(i), op.from.name).map((c) => c.name) : []),
      ]
      const retyped = changesColumnType(op) ? [op.from.name] : []
      const columns = [...retyped, ...regenerated].map((column) => columnNameBefore(changes, i, column))
      const table = changes.tableAt[i]
      return columns.length === 0 || table?.createdAt !== undefined ? [] : [{ ...(table?.firstName ?? op.table), columns }]
    }
    if (op.kind !== 'alter_enum' || onlyAddsLabels(op.from.values, op.to.values)) return []
    return before.tables.flatMap((table) => {
      const moved = table.columns.filter((c) => c.enumName === op.from.name && table.schema === op.from.schema).map((c) => c.name)
      const columns = [...moved, ...moved.flatMap((c) => generatedReading(table, c).map((g) => g.name))]
      return columns.length === 0 ? [] : [{ ...(table.schema !== undefined && { schema: table.schema }), name: table.name, columns }]
    })
  })
}
