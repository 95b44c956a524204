import type { DataSource } from 'typeorm'
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'
import { byQualifiedName, compareText, qualifiedKey } from '../model/qualified-name'
import type { QualifiedName, SchemaModel, ViewModel } from '../model/schema-model'
import type { AnyRenameHint } from '../diff/rename-types'
import { buildEntityMetadata } from './build-metadata'
import { entityFileOf, entitySchemaFilesNamed } from './entity-file'
import { renameHintsOf } from './rename-hints'
import { junctionRenameHints } from './junction-rename-hints'
import { closureRenameHints } from './closure-rename-hints'
import { tablePrefixOf } from './table-prefix'
import type { SkippedIndex } from './constraint-models'
import { tableLabel, tableModelOf } from './table-model'
import { UserError } from './user-error'
import { type DeclarationConflict, type TableDeclaration, settleDeclarations } from './declaration-conflicts'
import { declarationOf } from './declaration-labels'
import { declaringEntityOf } from './declaring-entity'
import { viewModelOf } from './view-models'
import { stackedColumnDecoratorWarnings } from './stacked-column-decorators'
import { ignoredFulltextWarnings } from './ignored-fulltext'

export type { SkippedIndex } from './constraint-models'

/** EntityReadResult is the schema the entities declare, and what was left out of it. */
export interface EntityReadResult {
  /** Tables sorted by schema and name; not yet normalized by a dialect. */
  readonly model: SchemaModel
  /** One sentence for everything left out or changed (views that cannot be built, spatial indexes, ...). */
  readonly warnings: readonly string[]
  /** Tables of entities declared `synchronize: false`: TypeORM leaves them alone, and so should a diff. */
  readonly skippedTables: readonly QualifiedName[]
  /**
   * Views of entities declared `synchronize: false`, and views that cannot be modelled (a query builder with
   * parameters, one that needs a connection): the database's copy is kept as it is, and so made again around
   * a change of what it reads, which PostgreSQL refuses while the view exists.
   */
  readonly skippedViews: readonly QualifiedName[]
  /** Indexes left out of the model (not synchronized, spatial): their database copies should be left alone. */
  readonly skippedIndexes: readonly SkippedIndex[]
  /** Renames the entities state with `@RenamedFrom`, of the tables in `model`. */
  readonly renameHints: readonly AnyRenameHint[]
  /** Tables declared twice, differently (an `@Entity` and a `@JoinTable`, or two `@JoinTable`s). */
  readonly conflicts: readonly DeclarationConflict[]
  /**
   * The warnings (of `warnings` too) of properties carrying two column decorators or more, which explain a refusal
   * of a column the entity seems to declare otherwise (see stackedColumnDecoratorWarnings).
   */
  readonly stackedDecorators: readonly string[]
}

/**
 * readEntities builds the SchemaModel the DataSource's entities declare, from TypeORM's own metadata and
 * without connecting: the same tables, columns, keys and names TypeORM would create. It knows no dialect;
 * the driver's spelling of types and defaults is kept for the dialect's `normalize`. TypeORM's errors
 * become UserErrors.
 */
export async function readEntities(dataSource: DataSource): Promise<EntityReadResult> {
  const metadatas = await buildEntityMetadata(dataSource)
  const warnings: string[] = []
  const warn = (message: string) => warnings.push(message)
  const skippedTables: QualifiedName[] = []
  const skippedViews: QualifiedName[] = []
  const skippedIndexes: SkippedIndex[] = []
  const renameHints: AnyRenameHint[] = []
  const declarations = new Map<string, TableDeclaration[]>()
  const entityDeclaring = new Map<string, EntityMetadata>()
  const views: ViewModel[] = []
  const leftAlone: { readonly name: QualifiedName; readonly columns: readonly string[]; readonly warning?: number }[] = []

  if (metadatas.length === 0) {
    warn(`the DataSource has no entities: check its entities option (globs resolve against ${process.cwd()})`)
  }
  for (const metadata of [...metadatas].sort(byTable)) {
    if (metadata.tableType === 'view' && metadata.synchronize) {
      const read = viewModelOf(metadata, dataSource, metadatas)
      if ('view' in read) views.push(read.view)
      else {
        // Left as the database has it, and so kept alive through changes of what it reads, as a view of an
        // entity declared synchronize: false is: PostgreSQL refuses a column's type change under it.
        warn(read.warning)
        skippedViews.push(nameOf(metadata))
      }
      continue
    }
    const skipped = skipOf(metadata, dataSource)
    if (skipped !== undefined) {
      if (skipped.keepView) {
        warn(skipped.warning!)
        skippedViews.push(nameOf(metadata))
      } else if (skipped.leaveTableAlone) {
        const columns = metadata.columns.map((c) => c.databaseName)
        leftAlone.push({ name: nameOf(metadata), columns, warning: skipped.warning === undefined ? undefined : warn(skipped.warning) - 1 })
      }
      else if (skipped.warning !== undefined) warn(skipped.warning)
      continue
    }
    const key = qualifiedKey(nameOf(metadata))
    const earlier = entityDeclaring.get(key)
    if (isEntityTable(metadata)) {
      if (earlier !== undefined) throw sharedTableError(earlier, metadata)
      entityDeclaring.set(key, metadata)
    }
    const table = tableModelOf(metadata, dataSource, warn, (index) => skippedIndexes.push(index))
    declarations.set(key, [...(declarations.get(key) ?? []), declarationOf(metadata, metadatas, table)])
    renameHints.push(...renameHintsOf(metadata))
  }
  const stackedDecorators = stackedColumnDecoratorWarnings(metadatas)
  for (const warning of stackedDecorators) warn(warning)
  for (const warning of ignoredFulltextWarnings(metadatas, dataSource.driver)) warn(warning)
  const prefix = tablePrefixOf(dataSource)
  renameHints.push(...junctionRenameHints(metadatas, dataSource.namingStrategy, prefix), ...closureRenameHints(metadatas, dataSource.namingStrategy, prefix))
  // A table a synchronized entity declares is its own (a @JoinTable with synchronize: false onto an entity's table,
  // a second, read-only entity of the table); one only a junction declares is the junction's where the entity
  // left alone has no column the junction lacks (a read-only entity of the junction, which the ManyToMany needs
  // as TypeORM makes it), and stays left alone otherwise: its other columns would go.
  const takesBack = (declaration: TableDeclaration, columns: readonly string[]) =>
    declaration.isEntity || columns.every((name) => declaration.table.columns.some((c) => c.name === name))
  const overruled = leftAlone.filter((s) => declarations.get(qualifiedKey(s.name))?.some((d) => takesBack(d, s.columns)) === true)
  skippedTables.push(...leftAlone.filter((s) => !overruled.includes(s)).map((s) => s.name))
  const overruledWarnings = new Set(overruled.flatMap((s) => (s.warning === undefined ? [] : [s.warning])))
  for (const skipped of skippedTables) declarations.delete(qualifiedKey(skipped))
  const settled = [...declarations.values()].map(settleDeclarations)
  const tables = settled.map((s) => s.table)

  const schemas = new Set(tables.flatMap((table) => (table.schema === undefined ? [] : [table.schema])))
  return {
    model: {
      tables: tables.sort(byQualifiedName),
      enums: [],
      schemas: [...schemas].sort(compareText),
      extensions: [],
      views: views.sort(byQualifiedName),
    },
    warnings: warnings.filter((_, i) => !overruledWarnings.has(i)),
    skippedTables,
    skippedViews,
    skippedIndexes,
    renameHints,
    conflicts: settled.flatMap((s) => s.conflicts),
    stackedDecorators,
  }
}

/** Skip says why a metadata is not a table of the model, and whether the database's table must be left alone. */
interface Skip {
  readonly warning?: string
  readonly leaveTableAlone?: boolean
  /** A view the entities leave to the database: kept as the database has it (see skippedViews). */
  readonly keepView?: boolean
}

function skipOf(metadata: EntityMetadata, dataSource: DataSource): Skip | undefined {
  const label = tableLabel(metadata)
  switch (metadata.tableType) {
    case 'entity-child':
      return {} // single-table inheritance: its columns are already in the parent's table
    case 'view':
      return { warning: `skipped view ${label}: entity ${metadata.name} is declared synchronize: false`, keepView: true }
    case 'regular':
    case 'junction':
    case 'closure':
    case 'closure-junction':
      break
    default:
      return { warning: `skipped ${label}: TypeORM table type "${String(metadata.tableType)}" is not diffed` }
  }
  if (!metadata.synchronize) {
    return { warning: `skipped table ${label}: entity ${metadata.name} is declared synchronize: false`, leaveTableAlone: true }
  }
  // TypeORM's synchronize still makes such an entity's junction and closure tables, whose foreign keys then
  // reference a table that no one may have made.
  const declaring = declaringEntityOf(metadata)
  if (declaring !== undefined && !declaring.synchronize) {
    const derives = metadata.tableType === 'junction' ? 'ManyToMany' : 'tree'
    return {
      warning: `skipped table ${label}: entity ${declaring.name}, whose ${derives} derives it, is declared synchronize: false`,
      leaveTableAlone: true,
    }
  }
  const view = metadata.tableType === 'junction' ? metadata.foreignKeys.find((fk) => fk.referencedEntityMetadata.tableType === 'view') : undefined
  if (view !== undefined) {
    const entity = view.referencedEntityMetadata.name
    return {
      warning: `skipped junction table ${label}: a ManyToMany of view entity ${entity} derives it, and a view has no key for it to reference (TypeORM's synchronize fails on it)`,
      leaveTableAlone: true,
    }
  }
  if (metadata.database && metadata.database !== dataSource.driver.database) {
    return {
      warning: `skipped table ${label}: it lives in database "${metadata.database}", and only the DataSource's own database is diffed`,
      // Where the server has no tables of other databases, TypeORM's synchronize makes the table in this one; where
      // it has, a table of that name here is still left alone rather than dropped on the strength of a skip.
      leaveTableAlone: true,
    }
  }
  return undefined
}

/** isEntityTable says whether a table is declared by an entity, not by TypeORM for a relation (junction tables). */
function isEntityTable(metadata: EntityMetadata): boolean {
  return metadata.tableType === 'regular' || metadata.tableType === 'closure'
}

/**
 * sharedTableError stops two entities that map to one table: the diff would keep one and drop the columns
 * only the other declares.
 */
function sharedTableError(first: EntityMetadata, second: EntityMetadata): UserError {
  if (typeof first.target === 'string' && first.target === second.target) {
    const files = entitySchemaFilesNamed(first.target)
    const where = files.length > 1 ? ` (${files.join(', ')})` : ''
    return new UserError(
      `entity schemas${where} are both named ${first.target}: give one of them another name, or remove it from the entities`,
    )
  }
  const named = (metadata: EntityMetadata) => {
    const file = entityFileOf(metadata)
    return file === undefined ? metadata.name : `${metadata.name} (${file})`
  }
  // An EntitySchema without a target class has its name as target, and no @Entity() to name the table in.
  const schema = typeof first.target === 'string' || typeof second.target === 'string'
  const where = schema ? '(tableName in its EntitySchema)' : 'in @Entity()'
  const readOnly = schema ? 'synchronize: false in its EntitySchema' : '@Entity({ synchronize: false })'
  return new UserError(
    `entities ${named(first)} and ${named(second)} both map to table ${tableLabel(first)}: give one of them another table name ${where}, ` +
      `declare the one kept only to be read (as by a data migration) ${readOnly}, which leaves the table to the other, or remove it from the entities`,
  )
}

function nameOf(metadata: EntityMetadata): QualifiedName {
  return metadata.schema ? { schema: metadata.schema, name: metadata.tableName } : { name: metadata.tableName }
}

function byTable(a: EntityMetadata, b: EntityMetadata): number {
  return byQualifiedName(nameOf(a), nameOf(b)) || compareText(a.name, b.name)
}
