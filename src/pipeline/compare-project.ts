import type { Dialect } from '../dialect/dialect'
import { dialectFor } from '../dialect/dialect-for'
import type { Statement } from '../dialect/statement'
import { diffSchemas } from '../diff/diff-schemas'
import type { SchemaModel } from '../model/schema-model'
import { applyOperations } from '../operations/apply'
import type { Operation } from '../operations/operation'
import { reverseOperations } from '../operations/reverse'
import type { LoadedProject } from '../source/load-config'
import { readEntities } from '../source/entity-metadata'
import { ignoredTables } from './ignored-tables'
import { withoutSkippedIndexes } from './leave-alone'

/** Comparison is what the entities and the database disagree on, planned as operations and SQL both ways. */
export interface Comparison {
  readonly dialect: Dialect
  readonly actual: SchemaModel
  readonly desired: SchemaModel
  readonly up: readonly Operation[]
  readonly upStatements: readonly Statement[]
  readonly downStatements: readonly Statement[]
  readonly warnings: readonly string[]
  /** Catalog queries issued while reading the database. */
  readonly queryCount: number
}

/**
 * compareProject reads the entities and the live database of a loaded project, diffs them and compiles the
 * result. It only reads: the database connection is read-only.
 */
export async function compareProject(project: LoadedProject): Promise<Comparison> {
  const { dataSource, settings } = project
  const dialect = dialectFor(dataSource.options)
  const entities = await readEntities(dataSource)
  const ignore = [...ignoredTables(dataSource, settings), ...entities.skippedTables.map((t) => t.name)]
  const normalized = dialect.normalize(entities.model, dataSource.options)
  const wanted = { ...normalized, tables: normalized.tables.filter((t) => !ignore.includes(t.name)) }

  const connection = await dialect.connect(dataSource.options)
  let actual: SchemaModel
  let desired: SchemaModel
  try {
    const schemas = dialect.capabilities.schemas ? wanted.schemas : undefined
    const introspected = await dialect.introspect(connection, { schemas, ignoreTables: ignore })
    actual = withoutSkippedIndexes(introspected, entities.skippedIndexes)
    desired = dialect.reconcile ? await dialect.reconcile(wanted, actual, connection) : wanted
  } finally {
    await connection.close()
  }

  const up = diffSchemas(actual, desired, dialect.capabilities)
  return {
    dialect,
    actual,
    desired,
    up,
    upStatements: dialect.compile(up, actual),
    downStatements: dialect.compile(reverseOperations(up), applyOperations(actual, up)),
    warnings: entities.warnings,
    queryCount: connection.queryCount,
  }
}
