import type { SchemaModel, TableModel, TriggerModel } from '../../model/schema-model'
import { sameName } from '../../model/qualified-name'
import { applyOperations } from '../../operations/apply'
import type { Operation, RenameColumn } from '../../operations/operation'
import { nameOf, tokenize } from './sqlite-sql-tokens'

/**
 * renamesTriggersRead are the column renames a rebuild carries whose old or new name a trigger of the schema
 * names (a word or quoted identifier of its text, in any case). A rebuild creates the table's triggers again
 * from the text the database held before the migration, and leaves other tables' triggers as they are: a
 * trigger naming the column as it was would fail on every row it fires for (`no such column: NEW.title`).
 * The rebuild keeps these columns' old names instead (withOldNames), and each is then renamed in place, where
 * SQLite rewrites every trigger, index and foreign key naming it. A `down` meets the triggers that `up`'s
 * renames rewrote: they name the new name of its own renames.
 */
export function renamesTriggersRead(schema: SchemaModel, ops: readonly Operation[]): RenameColumn[] {
  const named = new Set(schema.tables.flatMap((t) => t.triggers ?? []).flatMap(namesOf))
  if (named.size === 0) return []
  return ops.filter((op): op is RenameColumn => op.kind === 'rename_column' && (named.has(op.from.toLowerCase()) || named.has(op.to.toLowerCase())))
}

/** withOldNames is `table` of `schema` with the columns `renames` name given back their old names, everywhere the table names them. */
export function withOldNames(schema: SchemaModel, table: TableModel, renames: readonly RenameColumn[]): TableModel {
  const back = [...renames].reverse().map((op): RenameColumn => ({ ...op, from: op.to, to: op.from, column: { ...op.column, name: op.to } }))
  const restored = applyOperations({ ...schema, tables: [table] }, back).tables.find((t) => sameName(t, table))
  return restored ?? table
}

/**
 * triggersAfterRenames are the table's triggers to create once `renames` ran: those naming a new name and no old
 * one (a `down`'s, written as the database held them before `up`). SQLite refuses to rename a column while a
 * trigger of its table names a column the table lacks, so they wait; the others are created before, and the
 * renames rewrite them.
 */
export function triggersAfterRenames(table: TableModel, renames: readonly RenameColumn[]): TriggerModel[] {
  const olds = new Set(renames.map((op) => op.from.toLowerCase()))
  const news = new Set(renames.map((op) => op.to.toLowerCase()))
  return (table.triggers ?? []).filter((trigger) => {
    const names = namesOf(trigger)
    return names.some((n) => news.has(n)) && !names.some((n) => olds.has(n))
  })
}

function namesOf(trigger: TriggerModel): string[] {
  return tokenize(trigger.sql).filter((k) => k.kind === 'word' || k.kind === 'ident').map((k) => nameOf(k).toLowerCase())
}
