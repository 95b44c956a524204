import type { CheckModel, TableModel } from '../../model/schema-model'
import { mentionsColumn } from '../../operations/rename-identifier'
import { withoutDoubleQuotedTexts } from './mysql-expressions'
import type { MysqlServer } from './mysql-server'

/**
 * checksDroppedAlong are the checks MariaDB drops with whatever column an ALTER drops (measured on 10.11): those
 * that read none of the table's columns, such as an entity's `"views" >= 0`, which a server without ANSI_QUOTES
 * reads as the string 'views'. `after` is the table once the column is gone; of its checks, only those it keeps to
 * `last`, the table at the end of the migration, are given: the ALTER adds them again.
 */
export function checksDroppedAlong(after: TableModel | undefined, last: TableModel | undefined, server: MysqlServer | undefined): readonly CheckModel[] {
  if (server?.product !== 'mariadb' || after === undefined || last === undefined) return []
  const asRead = (sql: string) => (server.sqlMode.includes('ANSI_QUOTES') ? sql : withoutDoubleQuotedTexts(sql))
  const readsColumn = (check: CheckModel, column: string) =>
    [check.expression, check.expressionSql].some((sql) => sql !== undefined && mentionsColumn(asRead(sql), column))
  return after.checks.filter((check) =>
    last.checks.some((kept) => kept.name === check.name) && !after.columns.some((column) => readsColumn(check, column.name)))
}
