import type { DataSourceOptions } from 'typeorm'
import type { RecordChanges, TypeormRecord } from '../plan/typeorm-records'
import type { DatabaseConnection } from './dialect'
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
  // The columns TypeORM writes for a record, with their values; those it leaves out are absent.
  const fieldsOf = (record: TypeormRecord): [string, string][] => {
    const { database, schema } = syntax.placeOf(record)
    const table = record.table === undefined ? undefined : syntax.quoteLiteral(record.table)
    const fields: [string, string | undefined][] = [
      ['type', syntax.quoteLiteral(record.type)], ['database', database], ['schema', schema], ['table', table], ['name', syntax.quoteLiteral(record.name)],
    ]
    return fields.filter((field): field is [string, string] => field[1] !== undefined)
  }
  const deleteSql = (record: TypeormRecord) =>
    `DELETE FROM ${table} WHERE ${fieldsOf(record).map(([column, value]) => `${syntax.quoteIdent(column)} = ${value}`).join(' AND ')}`
  const insertSql = (record: TypeormRecord) => {
    const fields: [string, string][] = [...fieldsOf(record), ['value', syntax.quoteLiteral(record.value)]]
    return `INSERT INTO ${table} (${fields.map(([column]) => syntax.quoteIdent(column)).join(', ')}) VALUES (${fields.map(([, value]) => value).join(', ')})`
  }
  return [
    { sql: syntax.createSql(table), operations: [], ...(syntax.autocommits && { autocommits: true }) },
    ...changes.deleted.map((record): Statement => ({ sql: deleteSql(record), operations: [] })),
    ...changes.inserted.map((record): Statement => ({ sql: insertSql(record), operations: [] })),
  ]
}

const recordTypes: readonly string[] = ['GENERATED_COLUMN', 'VIEW', 'MATERIALIZED_VIEW'] satisfies readonly TypeormRecord['type'][]

/** readTypeormRecords reads the rows of generated columns and views in the metadata table; none where it is missing. */
export async function readTypeormRecords(connection: DatabaseConnection, syntax: RecordSyntax, options: DataSourceOptions): Promise<TypeormRecord[]> {
  const sql = `SELECT ${['type', 'schema', 'table', 'name', 'value'].map((column) => syntax.quoteIdent(column)).join(', ')} FROM ${syntax.tableSql(options)}`
  let rows: { type: string; schema: string | null; table: string | null; name: string | null; value: string | null }[]
  try {
    rows = await connection.query(sql)
  } catch {
    return []
  }
  return rows.flatMap((row): TypeormRecord[] => (!recordTypes.includes(row.type) || row.name === null || row.value === null ? [] : [{
    type: row.type as TypeormRecord['type'],
    ...(row.schema !== null && { schema: row.schema }),
    ...(row.table !== null && { table: row.table }),
    name: row.name,
    value: row.value,
  }]))
}
