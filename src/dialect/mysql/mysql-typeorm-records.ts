import type { DataSourceOptions } from 'typeorm'
import type { RecordChanges, TypeormRecord } from '../../plan/typeorm-records'
import type { DatabaseConnection } from '../dialect'
import type { Statement } from '../statement'
import { type RecordSyntax, readTypeormRecords, typeormRecordStatements } from '../typeorm-records-sql'
import { quoteString } from './mysql-literals'
import { quoteIdent } from './mysql-quote'

const syntax: RecordSyntax = {
  quoteIdent,
  quoteLiteral: quoteString,
  tableSql: (options) => quoteIdent((options as { metadataTableName?: string }).metadataTableName ?? 'typeorm_metadata'),
  createSql: (table) => `CREATE TABLE IF NOT EXISTS ${table} (\`type\` varchar(255) NOT NULL, \`database\` varchar(255) NULL, ` +
    '`schema` varchar(255) NULL, `table` varchar(255) NULL, `name` varchar(255) NULL, `value` text NULL) ENGINE=InnoDB',
  // TypeORM writes the database's name as the schema.
  placeOf: () => ({ schema: 'DATABASE()' }),
  autocommits: true,
}

/** mysqlTypeormRecords keeps TypeORM's `typeorm_metadata` rows of generated columns and views (see TypeormRecord). */
export function mysqlTypeormRecords(changes: RecordChanges, options: DataSourceOptions): Statement[] {
  return typeormRecordStatements(syntax, changes, options)
}

/** mysqlReadTypeormRecords reads TypeORM's `typeorm_metadata` rows of generated columns and views. */
export function mysqlReadTypeormRecords(connection: DatabaseConnection, options: DataSourceOptions): Promise<TypeormRecord[]> {
  return readTypeormRecords(connection, syntax, options)
}
