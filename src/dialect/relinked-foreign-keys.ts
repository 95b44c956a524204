import { sameColumnSet } from '../model/column-lists'
import type { ForeignKeyModel, QualifiedName, SchemaModel, TableModel } from '../model/schema-model'
import type { AlterColumn, Operation } from '../operations/operation'
import type { ChangeSet } from '../plan/change-set'
import { type Statement, statementOf } from './statement'

/** Relinked are the statements to run before and after the operation at an index. */
export interface Relinked {
  readonly before: ReadonlyMap<number, readonly Statement[]>
  readonly after: ReadonlyMap<number, readonly Statement[]>
}

/** ReaddedKeys are the foreign keys of one table added again after the column changes that needed them gone, and the statement adding them. */
export interface ReaddedKeys {
  readonly table: TableModel
  readonly keys: readonly ForeignKeyModel[]
  readonly statement: Statement
}

/** RelinkedKeys are Relinked with the keys added again as data too, so that a compiler may add them in an ALTER of its own making, and the keys dropped. */
export interface RelinkedKeys extends Relinked {
  readonly readded: ReadonlyMap<number, readonly ReaddedKeys[]>
  readonly dropped: ReadonlyMap<number, readonly ForeignKeyModel[]>
}

/** RelinkSql writes one statement per table, dropping or adding again the foreign keys of it given. */
export interface RelinkSql {
  readonly drop: (table: TableModel, keys: readonly ForeignKeyModel[]) => string
  readonly add: (table: TableModel, keys: readonly ForeignKeyModel[]) => string
  readonly facts?: Partial<Omit<Statement, 'sql' | 'operations'>>
  /** Set where adding a foreign key copies its table (MySQL's, with foreign key checks on): an add is marked `rebuild`. */
  readonly addCopies?: true
}

/**
 * relinkedForeignKeys: where a database cannot change a column a foreign key uses (on either side) while the
 * key exists, as `breaks` says of each column change, and both sides must change before the key fits again,
 * every foreign key such changes touch, and that the migration does not drop or add itself, is dropped
 * before the first of them and added again after the last, each statement carrying the column changes that
 * need it. A key is found by its name in the schema of the moment: one the migration renames (with its table,
 * say) is renamed before any column changes, and still holds the column, so it is relinked under its new name.
 * An index, unique or primary key dropped earlier that such a key may stand on (MySQL refuses to drop the index
 * a foreign key uses) moves the drop of the key ahead of it.
 */
export function relinkedForeignKeys(changes: ChangeSet, breaks: (op: AlterColumn) => boolean, sql: RelinkSql): RelinkedKeys {
  const { ops } = changes
  const handled = new Set(ops.flatMap((op) => (op.kind === 'add_foreign_key' || op.kind === 'drop_foreign_key' ? [op.foreignKey.name] : [])))
  const needs = new Map<string, AlterColumn[]>()
  let first = -1
  let last = -1
  ops.forEach((op, i) => {
    if (!isAlterColumn(op) || !breaks(op)) return
    for (const foreignKey of keysUsing(changes.schemaAt(i), op.table, op.from.name)) {
      if (handled.has(foreignKey.name)) continue
      needs.set(foreignKey.name, [...(needs.get(foreignKey.name) ?? []), op])
      if (first === -1) first = i
      last = i
    }
  })
  if (needs.size === 0) return { before: new Map(), after: new Map(), readded: new Map(), dropped: new Map() }
  first = firstDropOfSupport(changes, first, [...needs.keys()])
  const relinks = (schema: SchemaModel, write: RelinkSql['drop'], copies: boolean) =>
    schema.tables.flatMap((table): ReaddedKeys[] => {
      const keys = table.foreignKeys.filter((fk) => needs.has(fk.name))
      if (keys.length === 0) return []
      const carried = [...new Set(keys.flatMap((fk) => needs.get(fk.name)!))]
      return [{ table, keys, statement: statementOf(write(table, keys), carried, { ...sql.facts, ...(copies && { rebuild: table.name }) }) }]
    })
  const readded = relinks(changes.schemaAt(last + 1), sql.add, sql.addCopies === true)
  const unlinked = relinks(changes.schemaAt(first), sql.drop, false)
  return {
    before: new Map([[first, unlinked.map((r) => r.statement)]]),
    dropped: new Map([[first, unlinked.flatMap((r) => r.keys)]]),
    after: new Map([[last, readded.map((r) => r.statement)]]),
    readded: new Map([[last, readded]]),
  }
}

/** firstDropOfSupport is the position of the first drop before `first` of an index, unique or primary key one of the keys named may stand on, else `first`. */
function firstDropOfSupport(changes: ChangeSet, first: number, names: readonly string[]): number {
  const keys = changes.schemaAt(first).tables.flatMap((table) => table.foreignKeys.filter((fk) => names.includes(fk.name)).map((fk) => ({ table, fk })))
  const standsOn = (on: QualifiedName, columns: readonly string[]) => keys.some(({ table, fk }) =>
    (sameTable(table, on) && leadsWith(columns, fk.columns)) ||
    (sameTable({ schema: fk.referencedSchema ?? table.schema, name: fk.referencedTable }, on) && leadsWith(columns, fk.referencedColumns)))
  const at = changes.ops.slice(0, first).findIndex((op) =>
    (op.kind === 'drop_index' && standsOn(op.table, op.index.columns)) ||
    (op.kind === 'drop_unique' && standsOn(op.table, op.unique.columns)) ||
    (op.kind === 'drop_primary_key' && standsOn(op.table, op.primaryKey.columns)))
  return at === -1 ? first : at
}

/** leadsWith says whether `columns` begin with `leading`, in any order among them. */
const leadsWith = (columns: readonly string[], leading: readonly string[]): boolean => sameColumnSet(columns.slice(0, leading.length), leading)

const isAlterColumn = (op: Operation): op is AlterColumn => op.kind === 'alter_column'

/** keysUsing lists the foreign keys of `schema` whose own or referenced columns include `column` of `table`. */
function keysUsing(schema: SchemaModel, table: QualifiedName, column: string): ForeignKeyModel[] {
  return schema.tables.flatMap((t) => t.foreignKeys.filter((fk) =>
    (sameTable(t, table) && fk.columns.includes(column)) ||
    (sameTable({ schema: fk.referencedSchema ?? t.schema, name: fk.referencedTable }, table) && fk.referencedColumns.includes(column))))
}

/** sameTable compares schemas only where both names have one (MySQL's tables have none). */
function sameTable(a: QualifiedName, b: QualifiedName): boolean {
  return a.name === b.name && (a.schema === undefined || b.schema === undefined || a.schema === b.schema)
}
