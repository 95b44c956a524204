import type { DataSource } from 'typeorm'
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'
import { byQualifiedName } from '../model/qualified-name'
import type { QualifiedName, ViewModel } from '../model/schema-model'
import { indexModelOf } from './constraint-models'
import { tableLabel } from './table-model'
import { messageOf } from './user-error'

/** ViewRead is the model of one `@ViewEntity`, or why it cannot be modelled (and is left alone). */
export type ViewRead = { readonly view: ViewModel } | { readonly warning: string }

/**
 * viewModelOf reads a `@ViewEntity`: its `expression` string, or the SQL its query-builder function gives
 * through the DataSource (as TypeORM's own schema builder does, without connecting), whether it is
 * materialized, its indexes (as a table's: see indexModelOf), and the views its `dependsOn` names. The definition is kept as written; the
 * dialect's normalize and reconcile bring it to the database's spelling.
 */
export function viewModelOf(metadata: EntityMetadata, dataSource: DataSource, metadatas: readonly EntityMetadata[]): ViewRead {
  const label = tableLabel(metadata)
  let definition: Definition
  try {
    definition = definitionOf(metadata, dataSource)
  } catch (err) {
    return { warning: `left view ${label} alone: its expression cannot be built without a connection (${messageOf(err)}); write it as an SQL string` }
  }
  const { sql, parameters } = definition
  if (sql === '') return { warning: `left view ${label} alone: @ViewEntity ${metadata.name} has no expression` }
  if (parameters.length > 0) {
    return { warning: `left view ${label} alone: its query builder has parameters (${parameters.join(', ')}), which TypeORM writes into CREATE VIEW unbound and the database refuses; write their values into the expression` }
  }
  const materialized = metadata.tableMetadataArgs.materialized === true
  const indexes = metadata.indices.map((index) => indexModelOf(index, dataSource.driver))
  return {
    view: {
      ...nameOf(metadata),
      definition: sql,
      ...(materialized && { materialized: true }),
      reads: dependenciesOf(metadata, metadatas).sort(byQualifiedName),
      ...(metadata.columns.length > 0 && { declaredColumns: metadata.columns.map((c) => c.databaseName) }),
      ...(materialized && indexes.length > 0 && { indexes }),
    },
  }
}

/** Definition is a view's SELECT and the parameters of its query builder that it names, as written there (`:minimum`). */
interface Definition {
  readonly sql: string
  readonly parameters: readonly string[]
}

/** definitionOf is the view's SELECT as TypeORM would send it, without surrounding blanks or a final `;`. */
function definitionOf(metadata: EntityMetadata, dataSource: DataSource): Definition {
  const expression = metadata.expression
  if (typeof expression !== 'function') return { sql: bare(expression ?? ''), parameters: [] }
  const builder = expression(dataSource)
  const sql = bare(builder.getQuery())
  return { sql, parameters: Object.keys(builder.getParameters()).flatMap((name) => placeholdersOf(sql, name)) }
}

function bare(sql: string): string {
  return sql.trim().replace(/;\s*$/, '').trim()
}

/** placeholdersOf are the forms in which the SQL names a parameter: `:name`, and `:...name` for a list. */
function placeholdersOf(sql: string, name: string): string[] {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const named = (prefix: string) => new RegExp(`${prefix}${escaped}(?![\\w.])`).test(sql)
  return [...(named(':') ? [`:${name}`] : []), ...(named(':\\.\\.\\.') ? [`:...${name}`] : [])]
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
