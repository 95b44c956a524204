import type { ColumnModel, TableModel } from '../../model/schema-model'
import { quoteIdent } from './mysql-quote'

/**
 * keyComparedAs is how a unique key compares the values of `columns` (names both tables have) once their collations
 * are those of `target`, read while the table is still `start`: each column as it is, or with `COLLATE` the
 * collation `target` gives it where that differs ('Alice' and 'alice' repeat under utf8mb4_general_ci, not under
 * utf8mb4_bin). Undefined where a column's charset changes, or its new collation is not known (a charset named
 * without one).
 */
export function keyComparedAs(start: TableModel, target: TableModel, columns: readonly string[]): string[] | undefined {
  const compared = columns.map((name) => {
    const was = start.columns.find((c) => c.name === name)
    const is = target.columns.find((c) => c.name === name)
    if (was === undefined || is === undefined || (was.charset ?? start.charset) !== (is.charset ?? target.charset)) return undefined
    const collation = collationOf(is, target)
    if (collation === collationOf(was, start)) return quoteIdent(name)
    return collation === undefined ? undefined : `${quoteIdent(name)} COLLATE ${quoteIdent(collation)}`
  })
  return compared.every((c) => c !== undefined) ? compared : undefined
}

/** collationOf is a column's collation: its own, or its table's where it has no charset of its own either. */
function collationOf(column: ColumnModel, table: TableModel): string | undefined {
  return column.collation ?? (column.charset === undefined ? table.collation : undefined)
}
