import type { DialectCapabilities } from '../dialect/dialect'
import type { SchemaModel, TableModel } from '../model/schema-model'
import { nameOf, qualifiedKey } from '../model/qualified-name'
import type { Operation } from '../operations/operation'
import { orderOperations } from '../operations/order'
import { diffTable } from './diff-table'
import { matchBy } from './match-by'

/**
 * diffSchemas lists, in execution order, the operations that turn the `actual` schema (the database) into
 * the `desired` one (the entities). Both must be normalized by the same dialect. Pure: no I/O.
 * Schemas and extensions are only ever created, never dropped: other applications may use them.
 */
export function diffSchemas(
  actual: SchemaModel,
  desired: SchemaModel,
  capabilities: DialectCapabilities,
): Operation[] {
  const ops: Operation[] = []
  const actualSchemas = new Set(actual.schemas)
  for (const schema of desired.schemas) {
    if (!actualSchemas.has(schema)) ops.push({ kind: 'create_schema', schema })
  }
  const actualExtensions = new Set(actual.extensions)
  for (const extension of desired.extensions) {
    if (!actualExtensions.has(extension)) ops.push({ kind: 'create_extension', extension })
  }

  const enums = matchBy(actual.enums, desired.enums, qualifiedKey)
  for (const enumType of enums.added) ops.push({ kind: 'create_enum', enumType })
  for (const enumType of enums.removed) ops.push({ kind: 'drop_enum', enumType })
  for (const { actual: from, desired: to } of enums.both) {
    if (from.values.join('\0') !== to.values.join('\0')) ops.push({ kind: 'alter_enum', from, to })
  }

  const tables = matchBy(actual.tables, desired.tables, qualifiedKey)
  for (const table of tables.added) ops.push(...createTable(table))
  for (const table of tables.removed) ops.push(...dropTable(table))
  const comparison = { enumValuesOnType: capabilities.enumTypes }
  for (const { actual: from, desired: to } of tables.both) ops.push(...diffTable(from, to, comparison))

  return orderOperations(ops)
}

function createTable(table: TableModel): Operation[] {
  const name = nameOf(table)
  return [
    { kind: 'create_table', table: { ...table, foreignKeys: [] } },
    ...table.foreignKeys.map((foreignKey): Operation => ({ kind: 'add_foreign_key', table: name, foreignKey })),
  ]
}

function dropTable(table: TableModel): Operation[] {
  const name = nameOf(table)
  return [
    ...table.foreignKeys.map((foreignKey): Operation => ({ kind: 'drop_foreign_key', table: name, foreignKey })),
    { kind: 'drop_table', table: { ...table, foreignKeys: [] } },
  ]
}
