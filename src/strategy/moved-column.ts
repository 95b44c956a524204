import { quoteDoubled, quoteLiteral } from '../dialect/quote'
import { columnText, tableText } from '../hazards/hazard-names'
import { typeText } from '../model/type-text'
import { sameName } from '../model/qualified-name'
import { readsColumn } from '../model/view-reads'
import type { ColumnModel, QualifiedName, SchemaModel, TableModel } from '../model/schema-model'
import type { ChangeSet } from '../plan/change-set'
import type { AlterColumn, Operation } from '../operations/operation'

/**
 * MovedColumn is a column that expand and contract moves into a new column instead of changing it in
 * place: a renamed column (into its new name) or a risky type change (into a temporary column that contract
 * renames to the column's name).
 */
export interface MovedColumn {
  readonly kind: 'rename' | 'type_change'
  readonly table: QualifiedName
  /** The column's name in the database now. */
  readonly oldName: string
  /** The column as the entities want it, final name and definition. */
  readonly wanted: ColumnModel
  /** The column expand adds: the new name (rename) or `<column>__new` (type change). */
  readonly added: string
  /** The operations of the direct migration it replaces (the rename or the type change, and an alter of the renamed column). */
  readonly replaces: readonly Operation[]
}

/** Candidates are the moved columns, and the renames and risky type changes left in place with the reason. */
export interface Candidates {
  readonly moved: readonly MovedColumn[]
  readonly keptInPlace: readonly string[]
}

/** MoveOptions are what the database says about moving a column. */
export interface MoveOptions {
  /** Column names are compared ignoring case: a rename of the case alone needs no second column. */
  readonly columnNamesIgnoreCase?: boolean
}

/**
 * findMovedColumns picks, from a direct migration's operations, the renamed columns and the type changes
 * `isRisky` says are risky, and keeps in place those a second column cannot stand in for: keys, columns a
 * foreign key references, generated and computed columns, columns a view reads; and a rename of the case alone where column names
 * ignore case (old code finds the column under its new name too, and a second one would clash). An enum label
 * stated renamed is renamed in place too, and said so.
 */
export function findMovedColumns(changes: ChangeSet, isRisky: (op: AlterColumn) => boolean, options: MoveOptions = {}): Candidates {
  const { ops } = changes
  const target = changes.schemaAt(ops.length)
  const moved: MovedColumn[] = []
  const keptInPlace: string[] = []
  const renamedTo = (table: QualifiedName, name: string) =>
    ops.some((op) => op.kind === 'rename_column' && sameName(op.table, table) && op.to === name)
  ops.forEach((op, i) => {
    let candidate: MovedColumn | undefined
    if (op.kind === 'rename_column') {
      const alter = ops.find((o): o is AlterColumn => o.kind === 'alter_column' && sameName(o.table, op.table) && o.to.name === op.to)
      const wanted = tableIn(target, op.table)?.columns.find((c) => c.name === op.to)
      if (wanted === undefined) return
      candidate = { kind: 'rename', table: op.table, oldName: op.from, wanted, added: op.to, replaces: alter ? [op, alter] : [op] }
    } else if (op.kind === 'alter_column' && isRisky(op) && !renamedTo(op.table, op.to.name)) {
      const table = tableIn(target, op.table)
      if (table === undefined) return
      const added = temporaryName(op.to.name, [...(tableIn(changes.schemaAt(i), op.table)?.columns ?? []), ...table.columns])
      candidate = { kind: 'type_change', table: op.table, oldName: op.from.name, wanted: op.to, added, replaces: [op] }
    }
    if (op.kind === 'rename_enum_label' || op.kind === 'rename_column_label') {
      const where = op.kind === 'rename_enum_label' ? `of enum ${quoteDoubled(op.enumType.name)}` : `of ${columnText(op.table, op.column.name)}`
      keptInPlace.push(`label ${quoteLiteral(op.from)} ${where} is renamed to ${quoteLiteral(op.to)} in place, in expand: code writing the old label fails from then on`)
    }
    if (candidate === undefined) return
    const reason = whyInPlace(candidate, changes.schemaAt(i), target, options) ?? viewReading(candidate, changes.schemaAt(0))
    if (reason === undefined) moved.push(candidate)
    else keptInPlace.push(`${describeMove(candidate)} stays in place: ${reason}`)
  })
  return { moved, keptInPlace }
}

/** describeMove says what moves where: `column "post"."body" renamed to "content"`. */
export function describeMove(moved: MovedColumn): string {
  const column = columnText(moved.table, moved.oldName)
  return moved.kind === 'rename'
    ? `column ${column} renamed to ${quoteDoubled(moved.wanted.name)}`
    : `column ${column} changed to ${typeText(moved.wanted)} through ${quoteDoubled(moved.added)}`
}

function whyInPlace(moved: MovedColumn, state: SchemaModel, target: SchemaModel, options: MoveOptions): string | undefined {
  if (moved.kind === 'rename' && options.columnNamesIgnoreCase === true && moved.oldName.toLowerCase() === moved.wanted.name.toLowerCase()) {
    return 'the database ignores the case of column names, so code using either name finds it'
  }
  const before = tableIn(state, moved.table)
  const after = tableIn(target, moved.table)
  const old = before?.columns.find((c) => c.name === moved.oldName)
  if (before === undefined || after === undefined || old === undefined) return 'the table is not in the database'
  const names = [moved.oldName, moved.wanted.name]
  const uses = (columns: readonly string[] | undefined) => (columns ?? []).some((c) => names.includes(c))
  if (old.generated || old.computed || moved.wanted.generated || moved.wanted.computed) return 'the database generates its values'
  if (uses(before.primaryKey?.columns) || uses(after.primaryKey?.columns)) return 'it is part of the primary key'
  if ([...before.foreignKeys, ...after.foreignKeys].some((f) => uses(f.columns))) return 'it is part of a foreign key'
  const referenced = [...state.tables, ...target.tables].some((t) =>
    t.foreignKeys.some((f) => f.referencedTable === moved.table.name && f.referencedSchema === moved.table.schema && uses(f.referencedColumns)))
  if (referenced) return 'a foreign key references it'
  return undefined
}

/**
 * viewReading says which view of the database reads the column (every column, where the database does not
 * say which): contract could not drop the old column under it, nor re-create it on the new one, whereas
 * the change in place takes it along (a rename) or re-creates it around the change (a type change).
 */
function viewReading(moved: MovedColumn, start: SchemaModel): string | undefined {
  const view = start.views.find((v) => readsColumn(v, moved.table, moved.oldName))
  return view === undefined ? undefined : `${view.materialized === true ? 'materialized view' : 'view'} ${tableText(view)} reads it`
}

/** temporaryName is `<column>__new`, or `<column>__new2`... when that name is taken. */
function temporaryName(column: string, taken: readonly ColumnModel[]): string {
  const names = new Set(taken.map((c) => c.name))
  let name = `${column}__new`
  for (let n = 2; names.has(name); n += 1) name = `${column}__new${n}`
  return name
}

/** tableIn finds a table by name in a model. */
export function tableIn(model: SchemaModel, name: QualifiedName): TableModel | undefined {
  return model.tables.find((t) => sameName(t, name))
}
