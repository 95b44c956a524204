import type { DialectCapabilities } from '../dialect/dialect'
import { sameName } from '../model/qualified-name'
import type { ForeignKeyModel, SchemaModel, TableModel } from '../model/schema-model'
import type { Operation } from '../operations/operation'
import { checkMentionsColumn, computedMentionsColumn, exclusionMentionsColumn, mentionsColumn, predicateMentionsColumn } from '../operations/rename-identifier'
import { diffSchemas } from './diff-schemas'

/**
 * freeColumnName lists the operations, in execution order, that drop column `column` of `table` with everything
 * that names it: its indexes, uniques, checks and exclusion constraints, the generated columns that read it, a primary key over it,
 * foreign keys from and to it, and an enum type no other column uses. A rename onto the column's name can then run in the same migration, and its
 * `down` (these operations reversed, after the rename back) brings the column and its dependents back.
 */
export function freeColumnName(model: SchemaModel, table: TableModel, column: string, capabilities: DialectCapabilities): Operation[] {
  return diffSchemas(model, withoutColumn(model, table, column), capabilities)
}

function withoutColumn(model: SchemaModel, table: TableModel, column: string): SchemaModel {
  const names = (list: readonly string[]) => list.includes(column)
  const mentions = (sql: string) => mentionsColumn(sql, column)
  const pointsAt = (f: ForeignKeyModel) =>
    f.referencedTable === table.name && f.referencedSchema === table.schema && names(f.referencedColumns)
  const dropped = table.columns.find((c) => c.name === column)
  const tables = model.tables.map((t): TableModel => {
    const foreignKeys = t.foreignKeys.filter((f) => !pointsAt(f))
    if (!sameName(t, table)) return { ...t, foreignKeys }
    const { primaryKey, ...rest } = t
    return {
      ...rest,
      ...(primaryKey !== undefined && !names(primaryKey.columns) && { primaryKey }),
      columns: t.columns.filter((c) => c.name !== column && (c.computed === undefined || !computedMentionsColumn(c.computed, column))),
      indexes: t.indexes.filter((i) => !names(i.columns) && !predicateMentionsColumn(i, column) && !i.columns.some((k) => k.includes('(') && mentions(k))),
      uniques: t.uniques.filter((u) => !names(u.columns)),
      foreignKeys: foreignKeys.filter((f) => !names(f.columns)),
      checks: t.checks.filter((c) => !checkMentionsColumn(c, column)),
      ...(t.exclusions !== undefined && { exclusions: t.exclusions.filter((x) => !exclusionMentionsColumn(x, column)) }),
    }
  })
  const enumName = dropped?.enumName
  const stillUsed = tables.some((t) => t.columns.some((c) => c.enumName === enumName))
  const enums = enumName === undefined || stillUsed ? model.enums : model.enums.filter((e) => !(e.name === enumName && e.schema === table.schema))
  return { ...model, tables, enums }
}
