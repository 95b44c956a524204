import { qualifiedKey, sameName } from '../../model/qualified-name'
import type { TableModel, TriggerModel } from '../../model/schema-model'
import type { Operation } from '../../operations/operation'
import type { ChangeSet } from '../../plan/change-set'
import type { Relinked } from '../relinked-foreign-keys'
import { type Statement, statementOf } from '../statement'
import { qualified, quoteIdent } from './postgres-quote'
import { retypedColumns } from './postgres-regenerated-columns'

/** Recreated are the triggers of a table to drop before its first type change and create after its last. */
interface Recreated {
  readonly table: TableModel
  readonly triggers: readonly TriggerModel[]
  readonly first: number
  readonly last: number
  readonly by: readonly Operation[]
}

/**
 * postgresRecreatedTriggers: PostgreSQL refuses to change the type of a column that a trigger reads in its
 * `UPDATE OF` list or its WHEN ("cannot alter type of a column used in a trigger definition"), also where an
 * enum type it has is rebuilt. No entity declares triggers: such a trigger, made by hand or by a migration of
 * the project's own, is dropped before the first type change of its table and created again after the last
 * (so that the table's column changes still share one ALTER TABLE), from the text the database holds. That
 * text names the table and columns as they were read, so a trigger whose table or columns the migration
 * renames is left to PostgreSQL's refusal.
 */
export function postgresRecreatedTriggers(changes: ChangeSet): Relinked {
  const { ops } = changes
  const needs = new Map<string, Recreated>()
  ops.forEach((op, i) => {
    for (const { table, column } of retypedColumns(changes, i)) {
      const key = qualifiedKey(table)
      const known = needs.get(key)
      if (!(table.triggers ?? []).some((t) => t.reads !== undefined && t.reads.length > 0)) continue
      const reading = (table.triggers ?? []).filter((t) => t.reads?.includes(column) && !known?.triggers.includes(t))
      needs.set(key, {
        table: known?.table ?? table,
        triggers: [...(known?.triggers ?? []), ...reading],
        first: known?.first ?? i,
        last: i,
        by: [...(known?.by ?? []), op],
      })
    }
  })
  const before = new Map<number, Statement[]>()
  const after = new Map<number, Statement[]>()
  const add = (map: Map<number, Statement[]>, at: number, statements: Statement[]) => map.set(at, [...(map.get(at) ?? []), ...statements])
  for (const { table, triggers, first, last, by } of needs.values()) {
    const recreated = triggers.filter((t) => !renamesAny(ops, table, t.reads ?? []))
    if (recreated.length === 0) continue
    add(before, first, recreated.map((t) => statementOf(`DROP TRIGGER ${quoteIdent(t.name)} ON ${qualified(table)}`, by)))
    add(after, last, recreated.map((t) => statementOf(t.sql, by)))
  }
  return { before, after }
}

/** renamesAny: the migration renames the table, or one of `columns` of it. */
function renamesAny(ops: readonly Operation[], table: TableModel, columns: readonly string[]): boolean {
  return ops.some((op) =>
    (op.kind === 'rename_table' && (sameName(op.from, table) || sameName(op.to, table))) ||
    (op.kind === 'rename_column' && sameName(op.table, table) && (columns.includes(op.from) || columns.includes(op.to))))
}
