import type { SchemaModel, TableModel } from '../../model/schema-model'
import { sameName } from '../../model/qualified-name'
import { applyOperations } from '../../operations/apply'
import type { Operation, RenameColumn } from '../../operations/operation'
import { nameOf, tokenize } from './sqlite-sql-tokens'

/**
 * renamesTriggersRead are the column renames a rebuild carries whose old name the table's triggers name (a word
 * or quoted identifier of their text, in any case). A rebuild creates the triggers again from the text the
 * database holds, which names the column as it was: such a trigger would fail on every row it fires for
 * (`no such column: NEW.title`). The rebuild keeps these columns' old names instead, and each is then renamed
 * in place, where SQLite rewrites every trigger, index and foreign key naming it (see withOldNames).
 */
export function renamesTriggersRead(table: TableModel, ops: readonly Operation[]): RenameColumn[] {
  const named = new Set((table.triggers ?? []).flatMap((t) => tokenize(t.sql).filter((k) => k.kind === 'word' || k.kind === 'ident').map((k) => nameOf(k).toLowerCase())))
  if (named.size === 0) return []
  return ops.filter((op): op is RenameColumn => op.kind === 'rename_column' && named.has(op.from.toLowerCase()))
}

/** withOldNames is `table` of `schema` with the columns `renames` name given back their old names, everywhere the table names them. */
export function withOldNames(schema: SchemaModel, table: TableModel, renames: readonly RenameColumn[]): TableModel {
  const back = [...renames].reverse().map((op): RenameColumn => ({ ...op, from: op.to, to: op.from, column: { ...op.column, name: op.to } }))
  const restored = applyOperations({ ...schema, tables: [table] }, back).tables.find((t) => sameName(t, table))
  return restored ?? table
}
