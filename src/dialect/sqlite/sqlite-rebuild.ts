import type { ColumnModel, TableModel } from '../../model/schema-model'
import type { Operation } from '../../operations/operation'
import type { StatementPiece } from '../statement'
import { createIndexSql, createTableSql } from './sqlite-column-sql'
import { temporaryTableName } from './sqlite-constraint-names'
import { quoteLiteral } from '../quote'
import { quoteIdent } from './sqlite-quote'

/** Rebuild is one table rebuilt into a new shape, with the data copied over. */
export interface Rebuild {
  /** The table as it is in the database when the rebuild runs (its current name and columns). */
  readonly source: { readonly name: string; readonly columns: readonly ColumnModel[] }
  /** The shape it ends in, under the same name. */
  readonly target: TableModel
  /** The table's operations folded into the rebuild, in order: renames, drops and copies of columns steer the copy. */
  readonly ops: readonly Operation[]
  /** The name the table has at the end of the migration (a `down` rebuilds before renaming back): its key is named after it. */
  readonly finalName: string
  /** Triggers of other tables name the table (see triggerSafeRebuild). */
  readonly namedByOtherTriggers?: boolean
}

/**
 * rebuildSql is SQLite's recipe for what ALTER TABLE cannot do (https://sqlite.org/lang_altertable.html#otheralter):
 * create the new shape under a temporary name, copy the rows, drop the old table, rename the new one into
 * place and re-create its indexes and the triggers the old table had (DROP TABLE dropped them). Added columns
 * take their defaults. An AUTOINCREMENT table keeps its counter (see sequenceCarriedSql).
 */
export function rebuildSql(rebuild: Rebuild): StatementPiece[] {
  const { source, target } = rebuild
  const temporary = temporaryTableName(target.name)
  const copied = copiedColumns(rebuild)
  const copy =
    copied.length === 0
      ? []
      : [
          `INSERT INTO ${quoteIdent(temporary)}(${copied.map(([to]) => quoteIdent(to)).join(', ')}) ` +
            `SELECT ${copied.map(([, from]) => from).join(', ')} FROM ${quoteIdent(source.name)}`,
        ]
  const autoincrement = target.columns.some((c) => c.generated?.kind === 'increment')
  return [
    createTableSql(target, temporary, rebuild.finalName),
    ...(autoincrement ? [sequenceCarriedSql(source.name, temporary)] : []),
    ...copy,
    `DROP TABLE ${quoteIdent(source.name)}`,
    ...renameIntoPlace(temporary, target.name, rebuild.namedByOtherTriggers === true),
    ...target.indexes.map((index) => createIndexSql(target.name, index)),
    ...(target.triggers ?? []).map((trigger) => trigger.sql),
  ]
}

/**
 * renameIntoPlace renames the new shape (or the table under another name) to the table's name. SQLite's RENAME
 * reads every trigger and view of the schema again, and fails on one naming a table that does not exist: a
 * trigger of another table that writes into this one, between its DROP and this RENAME (views that read it are
 * dropped before). The legacy rename (PRAGMA legacy_alter_table) reads none, still moves the table's own
 * triggers along, and such a trigger names the table again once it is renamed.
 */
export function renameIntoPlace(from: string, name: string, namedByOtherTriggers: boolean): string[] {
  const rename = `ALTER TABLE ${quoteIdent(from)} RENAME TO ${quoteIdent(name)}`
  return namedByOtherTriggers ? ['PRAGMA legacy_alter_table = ON', rename, 'PRAGMA legacy_alter_table = OFF'] : [rename]
}

/**
 * sequenceCarriedSql gives the new table the old one's sqlite_sequence row, the highest id it ever handed out:
 * copying the rows leaves the highest id left, and AUTOINCREMENT promises not to hand out a deleted row's id
 * again. Run before the copy, which raises it where a copied id is higher; DROP TABLE deletes the old row and
 * RENAME renames the new one. The old table has no row until one was inserted.
 */
function sequenceCarriedSql(from: string, to: string): string {
  return `INSERT INTO sqlite_sequence (name, seq) SELECT ${quoteLiteral(to)}, seq FROM sqlite_sequence WHERE name = ${quoteLiteral(from)}`
}

/**
 * foreignKeyCheckSql asks for the rows of `table` whose foreign keys point nowhere: PRAGMA foreign_key_check as
 * a table-valued function, a query that, unlike the PRAGMA, an offline script can put inside a check of its own.
 */
export function foreignKeyCheckSql(table: string): string {
  return `SELECT * FROM pragma_foreign_key_check(${quoteLiteral(table)})`
}

/**
 * copiedColumns pairs each target column with the SQL its values are selected by, from the source table:
 * [target, expression]. Renames and drops of columns steer it, and so does CopyColumn (a copy into rows
 * whose target is NULL keeps the target where it has a value).
 */
function copiedColumns(rebuild: Rebuild): [string, string][] {
  const origin = new Map(rebuild.source.columns.map((c) => [c.name, quoteIdent(c.name)]))
  for (const op of rebuild.ops) {
    if (op.kind === 'rename_column') {
      const from = origin.get(op.from)
      origin.delete(op.from)
      if (from !== undefined) origin.set(op.to, from)
    } else if (op.kind === 'drop_column') {
      origin.delete(op.column.name)
    } else if (op.kind === 'rename_column_label') {
      const from = origin.get(op.column.name)
      if (from !== undefined) origin.set(op.column.name, `CASE ${from} WHEN ${quoteLiteral(op.from)} THEN ${quoteLiteral(op.to)} ELSE ${from} END`)
    } else if (op.kind === 'copy_column') {
      const from = origin.get(op.from.name)
      const to = origin.get(op.to.name)
      if (from !== undefined) origin.set(op.to.name, op.rows === 'empty' && to !== undefined ? `COALESCE(${to}, ${from})` : from)
    }
  }
  return rebuild.target.columns.flatMap((c): [string, string][] => {
    const from = origin.get(c.name)
    return from === undefined || c.computed ? [] : [[c.name, from]]
  })
}
