import type { TableModel } from '../../model/schema-model'
import { type StatementPiece, tableBlockPiece } from '../statement'
import { columnDefinitionSql } from './mysql-column-sql'
import { checkClause, indexClause, primaryKeyClause, uniqueClause } from './mysql-constraint-sql'
import { quoteString } from './mysql-literals'
import { quoteIdent } from './mysql-quote'
import type { MysqlServer } from './mysql-server'
import { recreatedTriggersSql } from './mysql-triggers'

/**
 * createTableSql is one CREATE TABLE IF NOT EXISTS (re-runnable after a failure halfway) with the columns,
 * primary key, unique keys, indexes and checks inside (foreign keys come as their own operations), and the
 * engine, default charset and collation (those the database had, for a `down` restoring a dropped table) and
 * comment after it; then the triggers the database had on it (a `down` restoring a dropped table).
 */
export function createTableSql(table: TableModel, server: MysqlServer | undefined): StatementPiece[] {
  const lines = [
    ...table.columns.map((c) => columnDefinitionSql(c, server)),
    ...(table.primaryKey ? [primaryKeyClause(table.primaryKey)] : []),
    ...table.uniques.map((u) => uniqueClause(u)),
    ...table.indexes.map((i) => indexClause(i)),
    ...table.checks.map((c) => checkClause(c)),
  ]
  const engine = table.engine === undefined ? '' : ` ENGINE=${engineName(table.engine)}`
  const charset = table.charset === undefined ? '' : ` DEFAULT CHARSET=${quoteIdent(table.charset)}`
  const collation = table.collation === undefined ? '' : ` COLLATE=${quoteIdent(table.collation)}`
  const comment = table.comment === undefined ? '' : ` COMMENT=${quoteString(table.comment)}`
  return [
    tableBlockPiece({ head: `CREATE TABLE IF NOT EXISTS ${quoteIdent(table.name)} (`, lines, tail: `)${engine}${charset}${collation}${comment}` }),
    ...recreatedTriggersSql(table.triggers ?? []),
  ]
}

/** dropTableSql drops a table, re-runnably. */
export function dropTableSql(table: TableModel): string {
  return `DROP TABLE IF EXISTS ${quoteIdent(table.name)}`
}

/** engineName checks that an engine is a plain name (`InnoDB`), the only form ENGINE= takes unquoted. */
export function engineName(engine: string): string {
  if (!/^\w+$/.test(engine)) throw new Error(`mysql: "${engine}" is not a storage engine name`)
  return engine
}
