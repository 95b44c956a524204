import type { QualifiedName, ReplicaIdentity, TableModel } from '../../model/schema-model'
import { type StatementPiece, tableBlockPiece } from '../statement'
import { columnDefinitionSql } from './postgres-column-sql'
import { checkClause, createIndexStatements, exclusionClause, primaryKeyClause, uniqueClause, uniqueCommentStatements } from './postgres-constraint-sql'
import { commentLiteral, qualified, quoteIdent } from './postgres-quote'

/**
 * createTableSql is CREATE TABLE with columns, primary key, uniques, checks and exclusions (foreign keys come as their
 * own operations), INHERITS where it inherits tables, its partitions where it is partitioned, then one CREATE INDEX per index and the comments
 * (those of indexes and uniques that a table made again from the database's model held).
 */
export function createTableSql(table: TableModel): StatementPiece[] {
  // A table that inherits others gets their columns and checks from them: it declares its own alone.
  const inheriting = table.inherits !== undefined
  const lines = [
    ...table.columns.filter((c) => !(inheriting && c.inherited === true)).map((c) => columnDefinitionSql(c, table)),
    ...(table.primaryKey ? [primaryKeyClause(table.primaryKey)] : []),
    ...table.uniques.map(uniqueClause),
    ...table.checks.filter((c) => !(inheriting && c.inherited === true)).map(checkClause),
    ...(table.exclusions ?? []).map(exclusionClause),
  ]
  const tail = `)${inheriting ? ` INHERITS (${table.inherits!.map(qualified).join(', ')})` : ''}${partitionBy(table.partitioning?.key)}`
  return [
    tableBlockPiece({ head: `CREATE ${table.unlogged === true ? 'UNLOGGED ' : ''}TABLE ${qualified(table)} (`, lines, tail }),
    ...(table.partitioning?.partitions ?? []).map((p) => `CREATE TABLE ${qualified(p)} PARTITION OF ${qualified(p.of)} ${p.bound}${partitionBy(p.key)}`),
    ...table.indexes.flatMap((i) => createIndexStatements(table, i)),
    ...table.uniques.flatMap((u) => uniqueCommentStatements(table, u)),
    ...(table.comment !== undefined ? [`COMMENT ON TABLE ${qualified(table)} IS ${commentLiteral(table.comment)}`] : []),
    ...table.columns.filter((c) => c.comment !== undefined).map((c) => columnCommentSql(table, c.name, c.comment)),
    // A table the database had with triggers (a down restoring a dropped table) gets them back as they were.
    ...(table.triggers ?? []).map((t) => t.sql),
    ...(table.replicaIdentity !== undefined ? [replicaIdentitySql(table, table.replicaIdentity)] : []),
  ]
}

function partitionBy(key: string | undefined): string {
  return key === undefined ? '' : ` PARTITION BY ${key}`
}

function replicaIdentitySql(table: QualifiedName, identity: ReplicaIdentity): string {
  const clause = identity === 'full' ? 'FULL' : identity === 'nothing' ? 'NOTHING' : `USING INDEX ${quoteIdent(identity.index)}`
  return `ALTER TABLE ${qualified(table)} REPLICA IDENTITY ${clause}`
}

/** columnCommentSql sets or (for undefined) removes a column comment. */
export function columnCommentSql(table: QualifiedName, column: string, comment: string | undefined): string {
  return `COMMENT ON COLUMN ${qualified(table)}.${quoteIdent(column)} IS ${commentLiteral(comment)}`
}
