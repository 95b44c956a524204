import type { Driver } from 'typeorm/driver/Driver'
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
  /** On the discriminator column of a single-table inheritance: the value each entity writes, by entity name. */
  readonly discriminatorValues?: Readonly<Record<string, string>>
  /** On a tree's parent column: the kind of tree (`closure-table`, `nested-set`, `materialized-path`, `adjacency-list`). */
  readonly tree?: string
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
 * after readEntities). Views and single-table inheritance children (whose columns are in the parent's
 * metadata) give no table of their own.
 */
export function declaredFactsOf(metadatas: readonly EntityMetadata[]): DeclaredFacts {
  const tables = new Map<string, TableFacts>()
  for (const metadata of metadatas) {
    if (metadata.tableType === 'entity-child' || metadata.tableType === 'view') continue
    const name: QualifiedName = metadata.schema ? { schema: metadata.schema, name: metadata.tableName } : { name: metadata.tableName }
    const key = qualifiedKey(name)
    if (tables.has(key)) continue
    const columns = metadata.columns
      .filter((column) => !column.isVirtualProperty)
      .map((column) => ({
        ...columnFactsOf(column),
        ...(column === metadata.discriminatorColumn && { discriminatorValues: discriminatorValuesOf(metadata) }),
        ...(metadata.treeType !== undefined && metadata.treeParentRelation?.joinColumns.includes(column) === true && { tree: metadata.treeType }),
      }))
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
  // A join column has its referenced column's length, except that TypeORM gives one to a uuid key
  // only while it does not know whether the server has a uuid type: before connecting.
  const { length } = column.isVirtual && column.referencedColumn !== undefined ? column.referencedColumn : column
  return {
    name: column.databaseName,
    type: typeNameOf(column.type),
    transformer: transformers.length > 0,
    ...(transformerNames.length > 0 && { transformerNames }),
    ...(length !== undefined && length !== '' && { length: String(length) }),
    ...(precision !== undefined && { precision }),
    ...(typeof column.scale === 'number' && { scale: column.scale }),
  }
}

/** discriminatorValuesOf is the value each entity of a single-table inheritance writes: the root's and its children's. */
function discriminatorValuesOf(root: EntityMetadata): Record<string, string> {
  const entities = [root, ...root.childEntityMetadatas].filter((m) => m.discriminatorValue !== undefined)
  return Object.fromEntries(entities.map((m) => [m.targetName, m.discriminatorValue!]).sort(([a], [b]) => compareText(a!, b!)))
}

function typeNameOf(type: ColumnMetadata['type']): string {
  return typeof type === 'function' ? type.name : String(type)
}

/**
 * TypeMeaning says what a declared type, as the facts record it, means: `@Column({ length: 200 })` (recorded
 * as its design type, `String`) and `@Column({ type: 'varchar', length: 200 })` mean the same column.
 */
export type TypeMeaning = (written: string) => string

// The design types TypeORM reads from a property when the entity names no type.
const designTypes: Readonly<Record<string, unknown>> = { String, Number, Boolean, Date, Buffer }

/**
 * driverTypeMeaning reads types as the TypeORM driver does (`normalizeType`): design types and aliases become
 * the type the driver writes. The `simple-*` types keep their names: they store the same type in different
 * formats, which is what the facts are kept for. Not `simple-enum` where the driver makes it an `enum`
 * (PostgreSQL, MySQL): it writes and reads both alike.
 */
export function driverTypeMeaning(driver: Pick<Driver, 'normalizeType'>): TypeMeaning {
  return (written) => {
    let meaning: string
    try {
      meaning = driver.normalizeType({ type: (designTypes[written] ?? written) as never })
    } catch {
      return written // a type the driver cannot read is compared as written
    }
    return written.startsWith('simple-') && meaning !== 'enum' ? written : meaning
  }
}

/** meaningOf is `facts` with each column's type replaced by what it means, so that spellings compare equal. */
export function meaningOf(facts: DeclaredFacts, meaning: TypeMeaning): DeclaredFacts {
  return { tables: facts.tables.map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c, type: meaning(c.type) })) })) }
}
