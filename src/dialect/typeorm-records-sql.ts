import type { DataSourceOptions } from 'typeorm'
import type { RecordChanges, TypeormRecord } from '../plan/typeorm-records'
import type { Statement } from './statement'

/** RecordSyntax is what a dialect brings to the statements that keep TypeORM's `typeorm_metadata` rows. */
export interface RecordSyntax {
  readonly quoteIdent: (name: string) => string
  readonly quoteLiteral: (value: string) => string
  /** The metadata table as TypeORM names it for the DataSource (`metadataTableName`, its schema). */
  readonly tableSql: (options: DataSourceOptions) => string
  /** CREATE TABLE IF NOT EXISTS of the metadata table, as TypeORM creates it, for `table`. */
  readonly createSql: (table: string) => string
  /** The `database` and `schema` values TypeORM writes for a record, as SQL expressions; absent: not written. */
  readonly placeOf: (record: TypeormRecord) => { readonly database?: string; readonly schema?: string }
  /** Set where DDL commits on its own (MySQL). */
  readonly autocommits?: true
}

/**
 * typeormRecordStatements are the statements that delete, then insert, the `typeorm_metadata` rows a change
 * set changes, after creating that table where it is missing (TypeORM's runner creates it only while the
 * entities have generated columns or views). None when no row changes.
 */
export function typeormRecordStatements(syntax: RecordSyntax, changes: RecordChanges, options: DataSourceOptions): Statement[] {
  if (changes.deleted.length === 0 && changes.inserted.length === 0) return []
  const table = syntax.tableSql(options)
  const fieldsOf = (record: TypeormRecord): [string, string][] => {
    const place = syntax.placeOf(record)
    return [
      ['type', syntax.quoteLiteral(record.type)],
      ...(place.database === undefined ? [] : [['database', place.database] as [string, string]]),
      ...(place.schema === undefined ? [] : [['schema', place.schema] as [string, string]]),
      ...(record.table === undefined ? [] : [['table', syntax.quoteLiteral(record.table)] as [string, string]]),
      ['name', syntax.quoteLiteral(record.name)],
    ]
  }
  const deleteSql = (record: TypeormRecord) =>
    `DELETE FROM ${table} WHERE ${fieldsOf(record).map(([column, value]) => `${syntax.quoteIdent(column)} = ${value}`).join(' AND ')}`
  const insertSql = (record: TypeormRecord) => {
    const fields = [...fieldsOf(record), ['value', syntax.quoteLiteral(record.value)]]
    return `INSERT INTO ${table} (${fields.map(([column]) => syntax.quoteIdent(column!)).join(', ')}) VALUES (${fields.map(([, value]) => value).join(', ')})`
  }
  return [
    { sql: syntax.createSql(table), operations: [], ...(syntax.autocommits && { autocommits: true }) },
    ...changes.deleted.map((record): Statement => ({ sql: deleteSql(record), operations: [] })),
    ...changes.inserted.map((record): Statement => ({ sql: insertSql(record), operations: [] })),
  ]
}
