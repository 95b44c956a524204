import { DefaultNamingStrategy, Table } from 'typeorm'
import type { DataSource } from 'typeorm'
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'
import type { PrimaryKeyModel, TableModel } from '../model/schema-model'
import { type Warn, columnModelOf } from './column-model'
import { type SkippedIndex, checkModelsOf, exclusionModelsOf, foreignKeyModelsOf, indexModelsOf, uniqueModelsOf } from './constraint-models'
import { refuseRepeatedColumnNames } from './repeated-column-names'

/** tableModelOf turns the metadata of one table (an entity, a junction or a closure table) into a TableModel. */
export function tableModelOf(
  metadata: EntityMetadata,
  dataSource: DataSource,
  warn: Warn,
  skipIndex: (index: SkippedIndex) => void,
): TableModel {
  const { driver } = dataSource
  const where = tableLabel(metadata)
  const stored = metadata.columns.filter((column) => !column.isVirtualProperty)
  refuseRepeatedColumnNames(where, stored)
  const columns = stored.map((column) => columnModelOf(column, driver, `column "${column.databaseName}" of ${where}`, warn))
  const primaryKey = primaryKeyOf(metadata, dataSource)
  const exclusions = exclusionModelsOf(metadata, where, warn)
  return {
    ...(metadata.schema && { schema: metadata.schema }),
    name: metadata.tableName,
    columns,
    ...(primaryKey !== undefined && { primaryKey }),
    indexes: indexModelsOf(metadata, driver, where, warn, skipIndex),
    uniques: uniqueModelsOf(metadata, where, warn),
    foreignKeys: foreignKeyModelsOf(metadata, where, warn),
    checks: checkModelsOf(metadata, where, warn),
    ...(exclusions.length > 0 && { exclusions }),
    ...(typeof metadata.comment === 'string' && metadata.comment !== '' && { comment: metadata.comment }),
    ...(!('comment' in metadata) && { commentUndeclarable: true as const }),
    ...(metadata.withoutRowid === true && { withoutRowid: true }),
    ...(typeof metadata.engine === 'string' && metadata.engine !== '' && { engine: metadata.engine }),
  }
}

/** tableLabel names a table in warnings: `"users"` or `"app"."users"`. */
export function tableLabel(metadata: EntityMetadata): string {
  return metadata.schema ? `"${metadata.schema}"."${metadata.tableName}"` : `"${metadata.tableName}"`
}

/**
 * primaryKeyOf names the primary key as TypeORM's query runners do when they create the table: the first
 * primary column's `primaryKeyConstraintName`, else the naming strategy asked with TypeORM's own Table.
 */
function primaryKeyOf(metadata: EntityMetadata, dataSource: DataSource): PrimaryKeyModel | undefined {
  const primary = metadata.columns.filter((column) => column.isPrimary && !column.isVirtualProperty)
  if (primary.length === 0) return undefined
  const columns = primary.map((column) => column.databaseName)
  const name =
    primary[0].primaryKeyConstraintName ??
    dataSource.namingStrategy.primaryKeyName(tableForNaming(metadata, dataSource), columns)
  return { name, columns }
}

interface NamingMethods { readonly primaryKeyName: unknown; readonly getTableName?: unknown }

/**
 * tableForNaming is TypeORM's own Table.create of the metadata, or, where the naming strategy's primaryKeyName
 * and getTableName are TypeORM's defaults (which read only the table's name), a Table of that name alone:
 * Table.create builds every column, 25 ms of a run at 1,000 entities.
 */
function tableForNaming(metadata: EntityMetadata, dataSource: DataSource): Table {
  const strategy = dataSource.namingStrategy as unknown as NamingMethods
  const defaults = DefaultNamingStrategy.prototype as unknown as NamingMethods
  if (strategy.primaryKeyName !== defaults.primaryKeyName || strategy.getTableName !== defaults.getTableName) {
    return Table.create(metadata, dataSource.driver)
  }
  const { driver } = dataSource
  // As Table.create names it.
  const database = metadata.database === driver.database ? undefined : metadata.database
  const schema = metadata.schema === (driver.options as { schema?: string }).schema ? undefined : metadata.schema
  return new Table({ name: driver.buildTableName(metadata.tableName, schema, database) })
}
