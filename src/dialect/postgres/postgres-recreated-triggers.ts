import { qualifiedKey, sameName } from '../../model/qualified-name'
import type { TableModel, TriggerModel } from '../../model/schema-model'
import type { Operation } from '../../operations/operation'
import type { ChangeSet } from '../../plan/change-set'
import type { Relinked } from '../relinked-foreign-keys'
import { type Statement, statementOf } from '../statement'
import { qualified, quoteIdent } from './postgres-quote'
import { quoteLiteral } from '../quote'
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
 * text names the table and columns as they were read: where the migration renames the table or one of those
 * columns, the trigger is created again from the text PostgreSQL prints for it just before it is dropped
 * (pg_get_triggerdef, which follows renames), kept meanwhile in a temporary table.
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
  let lastPrinted: number | undefined
  for (const { table, triggers, first, last, by } of needs.values()) {
    if (triggers.length === 0) continue
    const [asRead, asPrinted] = [triggers.filter((t) => !renamesAny(ops, table, t.reads ?? [])), triggers.filter((t) => renamesAny(ops, table, t.reads ?? []))]
    const tableThen = changes.tableBefore(last) ?? table
    add(before, first, [
      ...printedTriggersKept(table, asPrinted),
      ...triggers.map((t) => `DROP TRIGGER ${quoteIdent(t.name)} ON ${qualified(table)}`),
    ].map((sql) => statementOf(sql, by)))
    add(after, last, [...asRead.map((t) => t.sql), ...printedTriggersCreated(tableThen, asPrinted)].map((sql) => statementOf(sql, by)))
    if (asPrinted.length > 0) lastPrinted = Math.max(lastPrinted ?? last, last)
  }
  if (lastPrinted !== undefined) add(after, lastPrinted, [statementOf(`DROP TABLE IF EXISTS ${printedTable}`, ops.slice(lastPrinted, lastPrinted + 1))])
  return { before, after }
}

/** printedTable keeps the definitions of the triggers created again from PostgreSQL's print, by table. */
const printedTable = 'pg_temp.typeorm_autogen_triggers'

/** printedTriggersKept keeps what PostgreSQL prints for `triggers` of `table` now, before they are dropped. */
function printedTriggersKept(table: TableModel, triggers: readonly TriggerModel[]): string[] {
  if (triggers.length === 0) return []
  return [
    `CREATE TEMPORARY TABLE IF NOT EXISTS typeorm_autogen_triggers (relation oid NOT NULL, definition text NOT NULL)`,
    `INSERT INTO ${printedTable} (relation, definition) SELECT t.tgrelid, pg_get_triggerdef(t.oid) FROM pg_catalog.pg_trigger t ` +
      `WHERE t.tgrelid = ${quoteLiteral(qualified(table))}::regclass AND t.tgname IN (${triggers.map((t) => quoteLiteral(t.name)).join(', ')})`,
  ]
}

/** printedTriggersCreated creates again the triggers printedTriggersKept kept for `table` (as named now). */
function printedTriggersCreated(table: TableModel, triggers: readonly TriggerModel[]): string[] {
  if (triggers.length === 0) return []
  const relation = `${quoteLiteral(qualified(table))}::regclass`
  return [[
    'DO $typeorm_autogen$',
    'DECLARE definition text;',
    'BEGIN',
    `  FOR definition IN SELECT k.definition FROM ${printedTable} k WHERE k.relation = ${relation} LOOP`,
    '    EXECUTE definition;',
    '  END LOOP;',
    `  DELETE FROM ${printedTable} WHERE relation = ${relation};`,
    'END',
    '$typeorm_autogen$',
  ].join('\n')]
}

/** renamesAny: the migration renames the table, or one of `columns` of it. */
function renamesAny(ops: readonly Operation[], table: TableModel, columns: readonly string[]): boolean {
  return ops.some((op) =>
    (op.kind === 'rename_table' && (sameName(op.from, table) || sameName(op.to, table))) ||
    (op.kind === 'rename_column' && sameName(op.table, table) && (columns.includes(op.from) || columns.includes(op.to))))
}
