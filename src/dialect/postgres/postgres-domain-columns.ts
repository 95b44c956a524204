import type { ColumnModel, SchemaModel, TableModel } from '../../model/schema-model'
import { counterpartIn, renamedColumns } from '../counterpart'
import type { FormerColumn, FormerTable } from '../dialect'
import { canonicalColumn } from './postgres-canonical-column'
import { columnTypeKey } from './postgres-column-sql'

/**
 * reconcileDomainColumns lets an entity column take the domain type of its database column where the entity
 * declares the domain's base type (`integer` for `release_year year`): TypeORM has no way to name a domain,
 * and reads such a column as its base type itself. The column stays of its domain, check included, instead
 * of being converted to the base type. A column renamed by a stated rename is compared with the one it comes from.
 */
export function reconcileDomainColumns(desired: SchemaModel, actual: SchemaModel, formerTable?: FormerTable, formerColumn?: FormerColumn): SchemaModel {
  const actualTable = counterpartIn(actual, formerTable)
  return {
    ...desired,
    tables: desired.tables.map((table) => {
      const other = actualTable(table)
      if (other === undefined || !other.columns.some((c) => c.domainBaseType !== undefined)) return table
      const renamed = renamedColumns(table, other, formerColumn)
      return { ...table, columns: table.columns.map((c) => withDomainType(c, other, renamed.get(c.name) ?? c.name)) }
    }),
  }
}

function withDomainType(column: ColumnModel, actualTable: TableModel, databaseName: string): ColumnModel {
  const other = actualTable.columns.find((c) => c.name === databaseName)
  if (other?.domainBaseType === undefined) return column
  const base = canonicalColumn({ name: other.name, type: other.domainBaseType, isArray: other.isArray, nullable: other.nullable })
  if (columnTypeKey(base) !== columnTypeKey(column)) return column
  const { length: _length, precision: _precision, scale: _scale, isArray: _isArray, ...rest } = column
  return { ...rest, type: other.type, ...(other.isArray && { isArray: true }), domainBaseType: other.domainBaseType }
}
