import type { CheckModel, ForeignKeyModel, IndexKeyOptions, IndexModel, PrimaryKeyModel, UniqueModel } from '../../model/schema-model'
import { writtenCheck } from '../../model/written-sql'
import { columnList, quoteIdent } from './mysql-quote'
import { quoteString } from './mysql-literals'

/**
 * Clauses of CREATE TABLE and ALTER TABLE for keys, indexes and constraints. `ifNotExists` writes
 * MariaDB's `IF NOT EXISTS` after the name, where the clause adds something (see MysqlSyntax).
 */

const ifNotExistsSql = (ifNotExists: boolean) => (ifNotExists ? ' IF NOT EXISTS' : '')

/** primaryKeyClause is `PRIMARY KEY (...)`: MySQL names every primary key PRIMARY. */
export function primaryKeyClause(pk: PrimaryKeyModel): string {
  return `PRIMARY KEY ${columnList(pk.columns)}`
}

/** uniqueClause is a unique key as MySQL keeps it, a unique index: `UNIQUE INDEX `name` (...)`. */
export function uniqueClause(unique: UniqueModel, ifNotExists = false): string {
  return `UNIQUE INDEX${ifNotExistsSql(ifNotExists)} ${quoteIdent(unique.name)} ${columnList(unique.columns)}${commentSql(unique.comment)}`
}

/** indexKeySql is one key: a column with its prefix length and direction, or an expression in parentheses. */
function indexKeySql(column: string, options: IndexKeyOptions = {}): string {
  const key = column.includes('(') ? `(${column})` : quoteIdent(column)
  return `${key}${options.length === undefined ? '' : `(${options.length})`}${options.descending === true ? ' DESC' : ''}`
}

/** indexClause is `[UNIQUE|FULLTEXT|SPATIAL] INDEX `name` (keys)`, for CREATE TABLE and ADD. */
export function indexClause(index: IndexModel, ifNotExists = false): string {
  const kind = index.method === 'fulltext' ? 'FULLTEXT ' : index.method === 'spatial' ? 'SPATIAL ' : index.unique ? 'UNIQUE ' : ''
  const keys = index.columns.map((column, k) => indexKeySql(column, index.keyOptions?.[k]))
  return `${kind}INDEX${ifNotExistsSql(ifNotExists)} ${quoteIdent(index.name)} (${keys.join(', ')})${commentSql(index.comment)}`
}

/** checkClause is `CONSTRAINT `name` CHECK (expression)`. */
export function checkClause(check: CheckModel, ifNotExists = false): string {
  return `CONSTRAINT${ifNotExistsSql(ifNotExists)} ${quoteIdent(check.name)} CHECK (${writtenCheck(check)})`
}

/** foreignKeyClause spells out both referential actions; MariaDB's IF NOT EXISTS goes after FOREIGN KEY. */
export function foreignKeyClause(fk: ForeignKeyModel, ifNotExists = false): string {
  return `CONSTRAINT ${quoteIdent(fk.name)} FOREIGN KEY${ifNotExistsSql(ifNotExists)} ${columnList(fk.columns)} ` +
    `REFERENCES ${quoteIdent(fk.referencedTable)} ${columnList(fk.referencedColumns)} ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`
}

/** commentSql is an index's ` COMMENT '...'`, or nothing. */
function commentSql(comment: string | undefined): string {
  return comment === undefined ? '' : ` COMMENT ${quoteString(comment)}`
}
