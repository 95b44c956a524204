import type { DialectCapabilities } from '../dialect/dialect'
import type { SchemaModel, TableModel } from '../model/schema-model'
import { nameOf, qualifiedKey } from '../model/qualified-name'
import type { Operation } from '../operations/operation'
import { orderOperations, orderOptionsFor } from '../operations/order'
import { applyOperations } from '../operations/apply'
import { reverseOperations } from '../operations/reverse'
import { diffTable } from './diff-table'
import { matchBy } from './match-by'
import { renamedEnums } from './renamed-enums'
import { claimedRenames } from './claimed-renames'
import { enumUsers } from './enum-users'

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

  // An enum type the entities keep, labels and all, under another name is renamed; or, where names are
  // left alone, the entities' side takes the database's name.
  const enumRenames = renamedEnums(actual, desired)
  const renameObjects = capabilities.renamesInPlace === true
  if (renameObjects) ops.push(...enumRenames)
  const before = renameObjects ? applyOperations(actual, enumRenames) : actual
  const wanted = renameObjects ? desired : applyOperations(desired, reverseOperations(enumRenames))

  const enums = matchBy(before.enums, wanted.enums, qualifiedKey)
  for (const enumType of enums.added) ops.push({ kind: 'create_enum', enumType })
  for (const enumType of enums.removed) ops.push({ kind: 'drop_enum', enumType })
  for (const { actual: from, desired: to } of enums.both) {
    if (from.values.join('\0') !== to.values.join('\0')) ops.push({ kind: 'alter_enum', from, to, users: [...enumUsers(before, to), ...(to.usersOutside ?? [])] })
  }

  const tables = matchBy(before.tables, wanted.tables, qualifiedKey)
  for (const table of tables.added) ops.push(...createTable(table))
  for (const table of tables.removed) ops.push(...dropTable(table))
  const comparison = { enumValuesOnType: capabilities.enumTypes, retypeRewritesPredicates: capabilities.retypeRewritesPredicates === true }
  for (const { actual: from, desired: to } of tables.both) ops.push(...diffTable(from, to, comparison, renameObjects))

  return orderOperations(claimedRenames(ops, before, capabilities.indexNamesApart), orderOptionsFor(capabilities))
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
