import { mysqlSpatialTypes } from './mysql-type-families'
import type { ColumnModel } from '../../model/schema-model'
import { writtenComputed } from '../../model/written-sql'
import { closesAtEnd } from './mysql-defaults'
import { literalSql, quoteString } from './mysql-literals'
import { quoteIdent } from './mysql-quote'
import { type MysqlServer, atLeast } from './mysql-server'
import { baseOf } from './mysql-types'

const lengthTypes = new Set(['char', 'varchar', 'binary', 'varbinary', 'bit'])
const fractionalSecondTypes = new Set(['datetime', 'timestamp', 'time'])
const floatingTypes = new Set(['float', 'double'])

/**
 * columnTypeSql writes a canonical type (`int unsigned zerofill`, `varchar` with its length, `enum` with its
 * labels) as a column definition declares it: `int unsigned zerofill`, `varchar(50)`, `enum('a','b')`.
 */
export function columnTypeSql(column: ColumnModel): string {
  const [base = column.type, ...modifiers] = column.type.split(' ')
  return [`${base}${typeParametersSql(base, column)}`, ...modifiers].join(' ')
}

function typeParametersSql(base: string, column: ColumnModel): string {
  if (base === 'enum' || base === 'set') return `(${(column.enumValues ?? []).map(quoteString).join(',')})`
  if (lengthTypes.has(base) || (base === 'tinyint' && column.length === 1) || / zerofill$/.test(column.type)) return column.length === undefined ? '' : `(${column.length})`
  if (base === 'decimal') return `(${column.precision ?? 10},${column.scale ?? 0})`
  if (floatingTypes.has(base) && column.precision !== undefined) {
    return column.scale === undefined ? `(${column.precision})` : `(${column.precision},${column.scale})`
  }
  if (fractionalSecondTypes.has(base) && column.precision !== undefined) return `(${column.precision})`
  return ''
}

/**
 * defaultSql is what a column's DEFAULT writes (see literalSql), undefined when it has none. An expression
 * (canonical in parentheses) is written in parentheses, which MySQL requires and MariaDB accepts. So is a
 * literal of a TEXT, BLOB, JSON or spatial column on MySQL 8.0.13+, which takes no literal default there
 * (MariaDB does).
 */
export function defaultSql(column: ColumnModel, server: MysqlServer | undefined): string | undefined {
  if (column.computed || column.generated?.kind === 'increment' || column.default === undefined) return undefined
  const written = column.defaultSql ?? literalSql(column.default)
  const expression = column.default.startsWith('(') || takesOnlyExpressionDefaults(column.type, server)
  return expression && !(written.startsWith('(') && closesAtEnd(written)) ? `(${written})` : written
}

const expressionDefaultTypes: ReadonlySet<string> = new Set([
  'tinytext', 'text', 'mediumtext', 'longtext', 'tinyblob', 'blob', 'mediumblob', 'longblob', 'json', ...mysqlSpatialTypes,
])

/** takesOnlyExpressionDefaults: MySQL 8.0.13+ gives a column of this type a default only written as an expression. */
function takesOnlyExpressionDefaults(type: string, server: MysqlServer | undefined): boolean {
  return server?.product === 'mysql' && atLeast(server, 8, 0, 13) && expressionDefaultTypes.has(baseOf(type))
}

/**
 * columnDefinitionSql is a column as CREATE TABLE, ADD COLUMN and MODIFY COLUMN write it: the whole
 * definition, as MODIFY replaces it whole. MariaDB refuses NULL or NOT NULL on a generated column (it is
 * always nullable there), so it is written only for MySQL.
 */
export function columnDefinitionSql(column: ColumnModel, server: MysqlServer | undefined): string {
  const parts = [quoteIdent(column.name), columnTypeSql(column)]
  if (column.charset !== undefined) parts.push(`CHARACTER SET ${quoteIdent(column.charset)}`)
  if (column.collation !== undefined) parts.push(`COLLATE ${quoteIdent(column.collation)}`)
  if (column.computed) {
    parts.push(`GENERATED ALWAYS AS (${writtenComputed(column.computed)}) ${column.computed.stored ? 'STORED' : 'VIRTUAL'}`)
    if (server?.product === 'mysql' && atLeast(server, 8)) parts.push(column.nullable ? 'NULL' : 'NOT NULL')
  } else {
    parts.push(column.nullable ? 'NULL' : 'NOT NULL')
  }
  const value = defaultSql(column, server)
  if (value !== undefined) parts.push(`DEFAULT ${value}`)
  if (column.onUpdate !== undefined) parts.push(`ON UPDATE ${column.onUpdate}`)
  if (column.generated?.kind === 'increment') parts.push('AUTO_INCREMENT')
  if (column.comment !== undefined) parts.push(`COMMENT ${quoteString(column.comment)}`)
  return parts.join(' ')
}
