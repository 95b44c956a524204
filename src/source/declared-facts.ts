import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata'
import { byQualifiedName, compareText, qualifiedKey } from '../model/qualified-name'
import type { QualifiedName } from '../model/schema-model'

/**
 * ColumnFacts are what an entity declares about one column that the database may not keep: the TypeORM type
 * as written (`simple-json` and `simple-array` are both text to SQLite), the value transformer, and sizes
 * the database may not enforce. Optional fields are omitted when not declared.
 */
export interface ColumnFacts {
  readonly name: string
  /** The declared type as written: 'simple-json', 'varchar', or a function type's name ('String'). */
  readonly type: string
  readonly transformer: boolean
  /** Class names of the transformers that are class instances, in declaration order. */
  readonly transformerNames?: readonly string[]
  readonly length?: string
  readonly precision?: number
  readonly scale?: number
}

/** TableFacts are the ColumnFacts of one table, columns sorted by name. */
export interface TableFacts {
  readonly schema?: string
  readonly name: string
  readonly columns: readonly ColumnFacts[]
}

/** DeclaredFacts are the ColumnFacts of every table the entities map, tables sorted by qualified name. */
export interface DeclaredFacts {
  readonly tables: readonly TableFacts[]
}

/**
 * declaredFactsOf reads the DeclaredFacts of TypeORM's built entity metadata (`dataSource.entityMetadatas`
 * after readEntities), keeping the tables `include` accepts. Views and single-table inheritance children
 * (whose columns are in the parent's metadata) give no table of their own.
 */
export function declaredFactsOf(
  metadatas: readonly EntityMetadata[],
  include: (table: QualifiedName) => boolean,
): DeclaredFacts {
  const tables = new Map<string, TableFacts>()
  for (const metadata of metadatas) {
    if (metadata.tableType === 'entity-child' || metadata.tableType === 'view') continue
    const name: QualifiedName = metadata.schema ? { schema: metadata.schema, name: metadata.tableName } : { name: metadata.tableName }
    const key = qualifiedKey(name)
    if (tables.has(key) || !include(name)) continue
    const columns = metadata.columns
      .filter((column) => !column.isVirtualProperty)
      .map(columnFactsOf)
      .sort((a, b) => compareText(a.name, b.name))
    tables.set(key, { ...name, columns })
  }
  return { tables: [...tables.values()].sort(byQualifiedName) }
}

function columnFactsOf(column: ColumnMetadata): ColumnFacts {
  const transformers = column.transformer === undefined ? [] : [column.transformer].flat()
  const transformerNames = transformers.flatMap((t) => {
    const name = (t as object).constructor?.name
    return name === undefined || name === '' || name === 'Object' ? [] : [name]
  })
  const precision = typeof column.precision === 'number' ? column.precision : undefined
  return {
    name: column.databaseName,
    type: typeNameOf(column.type),
    transformer: transformers.length > 0,
    ...(transformerNames.length > 0 && { transformerNames }),
    ...(column.length !== undefined && column.length !== '' && { length: String(column.length) }),
    ...(precision !== undefined && { precision }),
    ...(typeof column.scale === 'number' && { scale: column.scale }),
  }
}

function typeNameOf(type: ColumnMetadata['type']): string {
  return typeof type === 'function' ? type.name : String(type)
}
