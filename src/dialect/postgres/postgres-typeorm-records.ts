import type { DataSourceOptions } from 'typeorm'
import type { RecordChanges, TypeormRecord } from '../../plan/typeorm-records'
import type { DatabaseConnection } from '../dialect'
import { quoteLiteral } from '../quote'
import type { Statement } from '../statement'
import { type RecordSyntax, readTypeormRecords, typeormRecordStatements } from '../typeorm-records-sql'
import { qualified, quoteIdent } from './postgres-quote'

const syntax: RecordSyntax = {
  quoteIdent,
  quoteLiteral,
  tableSql: (options) => {
    const { schema, metadataTableName } = options as { schema?: string; metadataTableName?: string }
    return qualified({ ...(schema !== undefined && { schema }), name: metadataTableName ?? 'typeorm_metadata' })
  },
  createSql: (table) => `CREATE TABLE IF NOT EXISTS ${table} ("type" character varying NOT NULL, "database" character varying, ` +
    `"schema" character varying, "table" character varying, "name" character varying, "value" text)`,
  // As TypeORM writes them: a generated column's row with the database, a view's without.
  placeOf: (record) => ({
    ...(record.type === 'GENERATED_COLUMN' && { database: 'current_database()' }),
    schema: record.schema === undefined ? 'current_schema()' : quoteLiteral(record.schema),
  }),
}

/** postgresTypeormRecords keeps TypeORM's `typeorm_metadata` rows of generated columns and views (see TypeormRecord). */
export function postgresTypeormRecords(changes: RecordChanges, options: DataSourceOptions): Statement[] {
  return typeormRecordStatements(syntax, changes, options)
}

/** postgresReadTypeormRecords reads TypeORM's `typeorm_metadata` rows of generated columns and views. */
export function postgresReadTypeormRecords(connection: DatabaseConnection, options: DataSourceOptions): Promise<TypeormRecord[]> {
  return readTypeormRecords(connection, syntax, options)
}
