import type { SchemaModel, TableModel, TriggerModel } from '../../model/schema-model'
import { sameName } from '../../model/qualified-name'
import { applyOperations } from '../../operations/apply'
import type { Operation, RenameColumn } from '../../operations/operation'
import type { StatementPiece } from '../statement'
import { inPlaceSql } from './sqlite-direct'
import { type Rebuild, renameIntoPlace } from './sqlite-rebuild'
import { nameOf, tokenize } from './sqlite-sql-tokens'
import { triggerWithTableRenamed } from './sqlite-trigger-renamed-table'

/**
 * renamesTriggersRead are the column renames a rebuild carries whose old or new name a trigger of the schema
 * names (a word or quoted identifier of its text, in any case). A rebuild creates the table's triggers again
 * from the text the database held before the migration, and leaves other tables' triggers as they are: a
 * trigger naming the column as it was would fail on every row it fires for (`no such column: NEW.title`).
 * The rebuild keeps these columns' old names instead (withOldNames), and each is then renamed in place, where
 * SQLite rewrites every trigger, index and foreign key naming it. A `down` meets the triggers that `up`'s
 * renames rewrote: they name the new name of its own renames.
 */
function renamesTriggersRead(schema: SchemaModel, ops: readonly Operation[]): RenameColumn[] {
  const named = new Set(schema.tables.flatMap((t) => t.triggers ?? []).flatMap(namesOf))
  if (named.size === 0) return []
  return ops.filter((op): op is RenameColumn => op.kind === 'rename_column' && (named.has(op.from.toLowerCase()) || named.has(op.to.toLowerCase())))
}

/** withOldNames is `table` of `schema` with the columns `renames` name given back their old names, everywhere the table names them. */
function withOldNames(schema: SchemaModel, table: TableModel, renames: readonly RenameColumn[]): TableModel {
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
function triggersAfterRenames(table: TableModel, renames: readonly RenameColumn[]): TriggerModel[] {
  const olds = new Set(renames.map((op) => op.from.toLowerCase()))
  const news = new Set(renames.map((op) => op.to.toLowerCase()))
  return (table.triggers ?? []).filter((trigger) => {
    const names = namesOf(trigger)
    return names.some((n) => news.has(n)) && !names.some((n) => olds.has(n))
  })
}

/**
 * triggersElsewhereName says whether a trigger of a table other than `table` and the rebuilt table (`rebuilt`,
 * its name in `schema`) names `table`. The rebuilt table's own triggers are made again by the rebuild, after
 * its RENAME into place; counting them called for the legacy rename, which leaves their text naming the table's
 * old name (an updated_at trigger that updates its own table then failed on every update).
 */
function triggersElsewhereName(schema: SchemaModel, table: string, rebuilt: string): boolean {
  const name = table.toLowerCase()
  return schema.tables.some((t) => t.name !== table && t.name !== rebuilt && (t.triggers ?? []).some((trigger) => namesOf(trigger).includes(name)))
}

function namesOf(trigger: TriggerModel): string[] {
  return tokenize(trigger.sql).filter((k) => k.kind === 'word' || k.kind === 'ident').map((k) => nameOf(k).toLowerCase())
}

/** TriggerSafeRebuild is a rebuild shaped so that the triggers that name its table or columns keep working, and what runs after it. */
export interface TriggerSafeRebuild {
  readonly rebuild: Rebuild
  /** Statements after the rebuild: the renames it put off, then the triggers that wait for them. */
  readonly after: readonly { readonly piece: StatementPiece; readonly op?: Operation }[]
}

/**
 * triggerSafeRebuild shapes a rebuild of `shape.target` (named `firstName` when the migration began) around the
 * triggers of `schema`, which are as the database held them then. Columns renamed that a trigger names keep
 * their old names through the rebuild and are renamed in place after it (see renamesTriggersRead). A table
 * renamed in place in the migration, whose own triggers name it by its first name (or, in a `down`, by the
 * last, which was its name before `up`), is rebuilt under that name, where they are created again as written,
 * and renamed in place to its name of the moment, which takes them along. Triggers of other tables
 * naming it under any of its names in the migration call for the legacy rename (see renameIntoPlace), which
 * would leave them naming the earlier name: then the table is rebuilt under its name of the moment, and its
 * triggers are created naming it (see triggerWithTableRenamed).
 */
export function triggerSafeRebuild(schema: SchemaModel, shape: Omit<Rebuild, 'namedByOtherTriggers'>, firstName: string): TriggerSafeRebuild {
  const current = shape.target.name
  const late = renamesTriggersRead(schema, shape.ops)
  const waiting = triggersAfterRenames(shape.target, late)
  const columnsKept = late.length === 0 ? shape.target : { ...withOldNames(schema, shape.target, late), triggers: (shape.target.triggers ?? []).filter((t) => !waiting.includes(t)) }
  const named = new Set((shape.target.triggers ?? []).flatMap(namesOf))
  const free = (name: string) => !schema.tables.some((t) => t.name.toLowerCase() === name.toLowerCase())
  const earlierName = [firstName, shape.finalName].find((name) => name !== current && named.has(name.toLowerCase()))
  // The triggers are as the database held them when the migration began; a rename in place since rewrote them.
  const namedByOtherTriggers = [...new Set([firstName, current, shape.finalName])].some((name) => triggersElsewhereName(schema, name, current))
  const kept = earlierName !== undefined && !namedByOtherTriggers && free(earlierName) ? earlierName : undefined
  const renamedIn = (trigger: TriggerModel): TriggerModel =>
    earlierName === undefined || kept !== undefined ? trigger : { ...trigger, sql: triggerWithTableRenamed(trigger.sql, earlierName, current) }
  const target = kept === undefined ? { ...columnsKept, triggers: columnsKept.triggers?.map(renamedIn) } : { ...columnsKept, name: kept }
  const rebuild = { ...shape, target, ops: shape.ops.filter((op) => !late.includes(op as RenameColumn)), namedByOtherTriggers }
  const renamedBack = kept === undefined ? [] : renameIntoPlace(kept, current, namedByOtherTriggers).map((piece) => ({ piece }))
  const columnRenames = late.flatMap((op) => inPlaceSql({ ...op, table: { ...op.table, name: current } }).map((piece) => ({ piece, op })))
  return { rebuild, after: [...renamedBack, ...columnRenames, ...waiting.map((trigger) => ({ piece: renamedIn(trigger).sql }))] }
}

/** TriggerReadingDropped is a trigger of a rebuilt table that reads a column the rebuild drops. */
export interface TriggerReadingDropped {
  readonly trigger: string
  readonly column: string
}

/**
 * triggersReadingDropped are the table's triggers that read a column the rebuild drops (TriggerModel.reads:
 * `NEW.name` or `OLD.name`). SQLite's own DROP COLUMN refuses such a column; a rebuild would make the trigger
 * again as it is, and it would fail on every row it fires for (`no such column: new.name`), so the migration
 * checks first.
 */
export function triggersReadingDropped(table: TableModel, ops: readonly Operation[]): TriggerReadingDropped[] {
  const dropped = new Set(ops.flatMap((op) => (op.kind === 'drop_column' ? [op.column.name] : [])))
  if (dropped.size === 0) return []
  return (table.triggers ?? []).flatMap((trigger) => {
    const read = trigger.reads?.find((column) => dropped.has(column))
    return read === undefined ? [] : [{ trigger: trigger.name, column: read }]
  })
}
