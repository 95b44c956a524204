import type { DataSourceOptions } from 'typeorm'
import type { RecordChanges, TypeormRecord } from '../../plan/typeorm-records'
import type { DatabaseConnection } from '../dialect'
import { quoteLiteral } from '../quote'
import type { Statement } from '../statement'
import { type RecordSyntax, readTypeormRecords, typeormRecordStatements } from '../typeorm-records-sql'
import { quoteIdent } from './sqlite-quote'

const syntax: RecordSyntax = {
  quoteIdent,
  quoteLiteral,
  tableSql: (options) => quoteIdent((options as { metadataTableName?: string }).metadataTableName ?? 'typeorm_metadata'),
  createSql: (table) => `CREATE TABLE IF NOT EXISTS ${table} ("type" varchar NOT NULL, "database" varchar, "schema" varchar, ` +
    '"table" varchar, "name" varchar, "value" text)',
  placeOf: () => ({}),
}

/** sqliteTypeormRecords keeps TypeORM's `typeorm_metadata` rows of generated columns and views (see TypeormRecord). */
export function sqliteTypeormRecords(changes: RecordChanges, options: DataSourceOptions): Statement[] {
  return typeormRecordStatements(syntax, changes, options)
}

/** sqliteReadTypeormRecords reads TypeORM's `typeorm_metadata` rows of generated columns and views. */
export function sqliteReadTypeormRecords(connection: DatabaseConnection, options: DataSourceOptions): Promise<TypeormRecord[]> {
  return readTypeormRecords(connection, syntax, options)
}
