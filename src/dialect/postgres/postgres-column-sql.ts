import type { ColumnModel, QualifiedName } from '../../model/schema-model'
import { inSchemaOf, quoteIdent } from './postgres-names'
import { typeSql } from './postgres-types'

const serialKeywords: Readonly<Record<string, string>> = { integer: 'SERIAL', bigint: 'BIGSERIAL', smallint: 'SMALLSERIAL' }

/** columnTypeSql writes a column's type; an enum column names its type in the table's schema. */
export function columnTypeSql(column: ColumnModel, table: QualifiedName): string {
  if (column.type === 'enum') {
    if (column.enumName === undefined) throw new Error(`postgres: enum column "${column.name}" of "${table.name}" has no enum type name`)
    return inSchemaOf(table, column.enumName) + (column.isArray ? '[]' : '')
  }
  return typeSql(column)
}

/** defaultSql is the default a column is created with: its own, or a uuid generator when it generates uuids. */
export function defaultSql(column: ColumnModel): string | undefined {
  if (column.computed || column.generated?.kind === 'increment' || column.generated?.kind === 'identity') return undefined
  return column.default ?? (column.generated?.kind === 'uuid' ? 'gen_random_uuid()' : undefined)
}

/** columnDefinitionSql is a column as CREATE TABLE and ADD COLUMN write it. */
export function columnDefinitionSql(column: ColumnModel, table: QualifiedName): string {
  const parts = [quoteIdent(column.name), baseTypeSql(column, table)]
  if (column.generated?.kind === 'identity') parts.push(`GENERATED ${column.generated.always ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`)
  if (column.computed) parts.push(`GENERATED ALWAYS AS (${column.computed.expression}) STORED`)
  if (column.collation !== undefined) parts.push(`COLLATE ${quoteIdent(column.collation)}`)
  if (!column.nullable) parts.push('NOT NULL')
  const value = defaultSql(column)
  if (value !== undefined) parts.push(`DEFAULT ${value}`)
  return parts.join(' ')
}

function baseTypeSql(column: ColumnModel, table: QualifiedName): string {
  if (column.generated?.kind !== 'increment') return columnTypeSql(column, table)
  const serial = column.isArray ? undefined : serialKeywords[column.type]
  if (!serial) throw new Error(`postgres: column "${column.name}" of "${table.name}" is ${column.type}, which cannot auto-increment`)
  return serial
}
