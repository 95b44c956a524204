import { quoteDoubled } from '../dialect/quote'
import { sameColumnList } from '../model/column-lists'
import { referencedTableOf, sameName } from '../model/qualified-name'
import type { ForeignKeyModel, TableModel } from '../model/schema-model'
import { tableOf } from '../operations/operation'
import { unmatchedProbe } from './foreign-key-rules'
import type { HazardFinding } from './hazard-finding'
import { columnsText, rebuiltTableName, tableText } from './hazard-names'
import type { RuleContext } from './rule-context'

/**
 * rebuiltForeignKeyFindings: FOREIGN_KEY_ALREADY_BROKEN for each foreign key that a table copied whole
 * (statements marked `rebuild`) had before the migration and keeps: the migration checks it at its end, and
 * fails on rows that already match no referenced row (written while foreign keys were off), though it changes
 * nothing they read. Shown only where such rows are counted.
 */
export function rebuiltForeignKeyFindings(context: RuleContext): HazardFinding[] {
  const { statements, changes } = context.input
  const before = changes.schemaAt(0)
  const seen = new Set<TableModel>()
  return statements.flatMap((statement): HazardFinding[] => {
    const operation = statement.operations[0]
    if (statement.rebuild === undefined || operation === undefined) return []
    const index = context.indexOf(operation)
    const own = tableOf(operation)
    const named = rebuiltTableName(own, statement.rebuild)
    const origin = index >= 0 && named !== undefined ? context.origins.table(index, named) : undefined
    if (origin === undefined || seen.has(origin)) return []
    seen.add(origin)
    return origin.foreignKeys.filter((fk) => !droppedFor(fk, origin, context)).flatMap((fk): HazardFinding[] => {
      const referenced = before.tables.find((t) => sameName(t, referencedTableOf(fk)))
      const columns = fk.columns.map((c) => origin.columns.find((column) => column.name === c))
      const referencedColumns = fk.referencedColumns.map((c) => referenced?.columns.find((column) => column.name === c))
      if (referenced === undefined || !columns.every(isDefined) || !referencedColumns.every(isDefined)) return []
      const probe = unmatchedProbe(origin, columns, referencedColumns.map((column) => ({ table: referenced, column })), referenced, context.input.dialect.capabilities.typeLimits)
      if (probe === undefined) return []
      const target = tableText(referenced)
      return [{
        code: 'FOREIGN_KEY_ALREADY_BROKEN', operation, probe, onlyWhenFound: true, subject: `${tableText(origin)} foreign key ${quoteDoubled(fk.name)}`,
        what: `Rebuilds table ${tableText(origin)}, which checks its foreign key ${quoteDoubled(fk.name)} ${columnsText(fk.columns)} -> ${target} ` +
          'at the end of the migration, and rows already break it',
        advice: 'the migration fails on them: delete those rows, point them at existing rows or set their values to NULL, first',
      }]
    })
  })
}

const isDefined = <T>(value: T | undefined): value is T => value !== undefined

/** droppedFor says whether the migration drops `fk` of `table` without adding one back on the same columns, to the same columns of the same table. */
function droppedFor(fk: ForeignKeyModel, table: TableModel, context: RuleContext): boolean {
  const same = (other: ForeignKeyModel) => sameColumnList(other.columns, fk.columns) &&
    sameColumnList(other.referencedColumns, fk.referencedColumns) && sameName(referencedTableOf(other), referencedTableOf(fk))
  const onTable = context.opsOn(table).map((i) => context.input.changes.ops[i]!)
  const dropped = onTable.some((op) => op.kind === 'drop_foreign_key' && op.foreignKey.name === fk.name)
  const addedBack = onTable.some((op) => op.kind === 'add_foreign_key' && same(op.foreignKey))
  const columnDropped = onTable.some((op) => op.kind === 'drop_column' && fk.columns.includes(op.column.name))
  return columnDropped || (dropped && !addedBack)
}
