import type { DataSource } from 'typeorm'
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'
import { byQualifiedName } from '../model/qualified-name'
import type { IndexModel, QualifiedName, ViewModel } from '../model/schema-model'
import { tableLabel } from './table-model'
import { messageOf } from './user-error'

/** ViewRead is the model of one `@ViewEntity`, or why it cannot be modelled (and is left alone). */
export type ViewRead = { readonly view: ViewModel } | { readonly warning: string }

/**
 * viewModelOf reads a `@ViewEntity`: its `expression` string, or the SQL its query-builder function gives
 * through the DataSource (as TypeORM's own schema builder does, without connecting), whether it is
 * materialized, its indexes, and the views its `dependsOn` names. The definition is kept as written; the
 * dialect's normalize and reconcile bring it to the database's spelling.
 */
export function viewModelOf(metadata: EntityMetadata, dataSource: DataSource, metadatas: readonly EntityMetadata[]): ViewRead {
  const label = tableLabel(metadata)
  let sql: string
  try {
    sql = definitionOf(metadata, dataSource)
  } catch (err) {
    return { warning: `left view ${label} alone: its expression cannot be built without a connection (${messageOf(err)}); write it as an SQL string` }
  }
  if (sql === '') return { warning: `left view ${label} alone: @ViewEntity ${metadata.name} has no expression` }
  const materialized = metadata.tableMetadataArgs.materialized === true
  const indexes = metadata.indices.map((index): IndexModel => ({
    name: index.name,
    columns: index.columns.map((c) => c.databaseName),
    unique: index.isUnique,
    ...(index.where !== undefined && index.where !== '' && { where: index.where }),
  }))
  return {
    view: {
      ...nameOf(metadata),
      definition: sql,
      ...(materialized && { materialized: true }),
      reads: dependenciesOf(metadata, metadatas).sort(byQualifiedName),
      ...(materialized && indexes.length > 0 && { indexes }),
    },
  }
}

/** definitionOf is the view's SELECT as TypeORM would send it, without surrounding blanks or a final `;`. */
function definitionOf(metadata: EntityMetadata, dataSource: DataSource): string {
  const expression = metadata.expression
  const sql = typeof expression === 'function' ? expression(dataSource).getQuery() : (expression ?? '')
  return sql.trim().replace(/;\s*$/, '').trim()
}

/** dependenciesOf names the views `dependsOn` lists (entity classes or view names). */
function dependenciesOf(metadata: EntityMetadata, metadatas: readonly EntityMetadata[]): QualifiedName[] {
  return [...(metadata.dependsOn ?? [])].flatMap((dependency) => {
    const found = metadatas.find((m) => m.target === dependency || m.name === dependency || m.tableName === dependency)
    if (found) return [nameOf(found)]
    return typeof dependency === 'string' ? [{ name: dependency }] : []
  })
}

function nameOf(metadata: EntityMetadata): QualifiedName {
  return metadata.schema ? { schema: metadata.schema, name: metadata.tableName } : { name: metadata.tableName }
}
