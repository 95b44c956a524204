import type { ColumnModel, SchemaModel, TableModel } from '../../model/schema-model'
import { counterpartIn, renamedColumns } from '../counterpart'
import type { FormerColumn, FormerTable } from '../dialect'

/** The defaults TypeORM's PostgresQueryRunner reads on a uuid column as its uuid generation. */
const typeormUuidGenerators = /^(gen_random_uuid|uuid_generate_v\d)\(\)$/

/**
 * reconcileUuidGenerators lets a uuid column whose generator the entity leaves to TypeORM take the database's,
 * where TypeORM reads that one as its uuid generation too: `gen_random_uuid()`, which hand-written migrations
 * use, for the `uuid_generate_v4()` TypeORM writes by default, and the other way round. TypeORM's own schema
 * builder finds nothing to change there. A column renamed by a stated rename is compared with the one it comes from.
 */
export function reconcileUuidGenerators(desired: SchemaModel, actual: SchemaModel, formerTable?: FormerTable, formerColumn?: FormerColumn): SchemaModel {
  const actualTable = counterpartIn(actual, formerTable)
  const tables = desired.tables.map((table) => {
    if (!table.columns.some((c) => c.defaultChosenByTypeorm)) return table
    const other = actualTable(table)
    if (other === undefined) return table
    const renamed = renamedColumns(table, other, formerColumn)
    return { ...table, columns: table.columns.map((c) => withDatabaseGenerator(c, other, renamed.get(c.name) ?? c.name)) }
  })
  return { ...desired, tables, extensions: desired.extensions.filter((e) => e !== 'uuid-ossp' || actual.extensions.includes(e) || tables.some(usesUuidOssp)) }
}

/**
 * usesUuidOssp: a column of the table defaults to a function of uuid-ossp. Where every generated uuid takes the
 * database's `gen_random_uuid()`, built into PostgreSQL 13, the extension is not needed: a database that cannot
 * install it (TypeORM only tries as it connects) is left without it.
 */
const usesUuidOssp = (table: TableModel): boolean => table.columns.some((c) => c.default !== undefined && /\buuid_generate_v/.test(c.default))

function withDatabaseGenerator(column: ColumnModel, actualTable: TableModel, databaseName: string): ColumnModel {
  if (!column.defaultChosenByTypeorm) return column
  const other = actualTable.columns.find((c) => c.name === databaseName)
  if (other?.generated?.kind !== 'uuid' || other.default === undefined || !typeormUuidGenerators.test(other.default)) return column
  return { ...column, default: other.default, defaultSql: other.defaultSql ?? other.default }
}
