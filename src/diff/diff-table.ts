import type { TableModel } from '../model/schema-model'
import { nameOf } from '../model/qualified-name'
import type { Operation } from '../operations/operation'
import { type ColumnComparison, columnsEqual } from './column-equality'
import { checkKey, foreignKeyKey, indexKey, uniqueKey } from './constraint-keys'
import { matchBy } from './match-by'

/** diffTable lists the operations that turn the `actual` table into the `desired` one (same name). */
export function diffTable(actual: TableModel, desired: TableModel, comparison: ColumnComparison): Operation[] {
  const table = nameOf(desired)
  const ops: Operation[] = []

  const columns = matchBy(actual.columns, desired.columns, (c) => c.name)
  for (const column of columns.added) ops.push({ kind: 'add_column', table, column })
  for (const column of columns.removed) ops.push({ kind: 'drop_column', table, column })
  for (const { actual: from, desired: to } of columns.both) {
    if (!columnsEqual(from, to, comparison)) ops.push({ kind: 'alter_column', table, from, to })
  }

  const pkBefore = actual.primaryKey?.columns.join('\0')
  const pkAfter = desired.primaryKey?.columns.join('\0')
  if (pkBefore !== pkAfter) {
    if (actual.primaryKey) ops.push({ kind: 'drop_primary_key', table, primaryKey: actual.primaryKey })
    if (desired.primaryKey) ops.push({ kind: 'add_primary_key', table, primaryKey: desired.primaryKey })
  }

  const indexes = matchBy(actual.indexes, desired.indexes, indexKey)
  for (const index of indexes.removed) ops.push({ kind: 'drop_index', table, index })
  for (const index of indexes.added) ops.push({ kind: 'create_index', table, index })

  const uniques = matchBy(actual.uniques, desired.uniques, uniqueKey)
  for (const unique of uniques.removed) ops.push({ kind: 'drop_unique', table, unique })
  for (const unique of uniques.added) ops.push({ kind: 'add_unique', table, unique })

  const foreignKeys = matchBy(actual.foreignKeys, desired.foreignKeys, foreignKeyKey)
  for (const foreignKey of foreignKeys.removed) ops.push({ kind: 'drop_foreign_key', table, foreignKey })
  for (const foreignKey of foreignKeys.added) ops.push({ kind: 'add_foreign_key', table, foreignKey })

  const checks = matchBy(actual.checks, desired.checks, checkKey)
  for (const check of checks.removed) ops.push({ kind: 'drop_check', table, check })
  for (const check of checks.added) ops.push({ kind: 'add_check', table, check })

  if ((actual.comment ?? null) !== (desired.comment ?? null)) {
    ops.push({ kind: 'alter_table_comment', table, from: actual.comment, to: desired.comment })
  }
  return ops
}
