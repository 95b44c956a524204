import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata'
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'
import { type AnyRenameHint, type RenameDecision, movesSchema } from '../diff/rename-types'
import { quoteLiteral } from '../dialect/quote'
import { columnRenamedFrom, oldTableOf, tableRenamedFrom } from './renamed-from'
import { type LabelRename, labelsRenamedOn } from './renamed-label'

/**
 * renameHintsOf reads the `@RenamedFrom` hints of one entity's table: on its class (the table's old names,
 * `schema.table` for one the table moves from) and on its properties, inherited and embedded ones included
 * (the columns' old database names); and its properties' `@RenamedLabel` hints (enum labels renamed).
 */
export function renameHintsOf(metadata: EntityMetadata): AnyRenameHint[] {
  const table = metadata.schema ? { schema: metadata.schema, name: metadata.tableName } : { name: metadata.tableName }
  const hints: AnyRenameHint[] = tableRenamedFrom(metadata.target).map((old): AnyRenameHint => {
    const origin = `@RenamedFrom(${quoteLiteral(old)}) on ${metadata.targetName}`
    const { schema, name: from } = oldTableOf(old)
    if (schema === undefined) return { kind: 'table', table: { ...table, name: old }, from: old, to: metadata.tableName, origin }
    const toSchema = metadata.schema ? { toSchema: metadata.schema } : {}
    return { kind: 'table', table: { schema, name: from }, from, to: metadata.tableName, ...toSchema, move: true, origin }
  })
  for (const column of metadata.columns) {
    if (column.isVirtualProperty) continue
    for (const from of oldColumnNamesOf(metadata, column)) {
      hints.push({
        kind: 'column',
        table,
        from,
        to: column.databaseName,
        origin: `@RenamedFrom(${quoteLiteral(from)}) on ${metadata.targetName}.${column.propertyPath}`,
      })
    }
    for (const { from, to } of declaredOnColumn(metadata, column, labelsRenamedOn)) {
      hints.push({
        kind: 'label',
        table,
        column: column.databaseName,
        from,
        to,
        origin: `@RenamedLabel(${quoteLiteral(from)}, ${quoteLiteral(to)}) on ${metadata.targetName}.${column.propertyPath}`,
      })
    }
  }
  return hints
}

/**
 * RenameTarget is what rename advice needs of an entity's table: the class that declares it and, by column
 * name, the property behind each column as `Class.property`, named on the class that declares it (a base
 * class, an embedded class, a child entity), where `@RenamedFrom` is read from.
 */
export interface RenameTarget {
  readonly tableName: string
  readonly schema?: string
  readonly className: string
  readonly properties: Readonly<Record<string, string>>
}

/** renameTargetsOf lists the RenameTargets of the entities' own tables (not junction tables), in metadata order. */
export function renameTargetsOf(metadatas: readonly EntityMetadata[]): RenameTarget[] {
  return metadatas
    .filter((m) => typeof m.target === 'function' && (m.tableType === 'regular' || m.tableType === 'closure'))
    .map((m) => {
      const properties: Record<string, string> = {}
      for (const column of m.columns) {
        if (!column.isVirtualProperty && !(column.databaseName in properties)) properties[column.databaseName] = declaredProperty(m, column)
      }
      return { tableName: m.tableName, ...(m.schema !== undefined && { schema: m.schema }), className: m.targetName, properties }
    })
}

/** decoratorAdvice says where `@RenamedFrom` would state `rename`, or undefined when no entity declares its new name. */
export function decoratorAdvice(targets: readonly RenameTarget[], rename: RenameDecision): string | undefined {
  const tableName = rename.kind === 'table' ? rename.to : rename.table.name
  const schema = rename.kind === 'table' ? rename.toSchema ?? rename.table.schema : rename.table.schema
  // Tables of several schemas may have the name: the entity of the rename's schema, where one says it.
  const named = targets.filter((t) => t.tableName === tableName)
  const target = named.find((t) => schema !== undefined && t.schema === schema) ?? named[0]
  if (target === undefined) return undefined
  const decorator = `@RenamedFrom(${quoteLiteral(rename.kind === 'table' && movesSchema(rename) ? `${rename.table.schema}.${rename.from}` : rename.from)})`
  if (rename.kind === 'table') return `add ${decorator} to ${target.className}`
  const property = Object.hasOwn(target.properties, rename.to) ? target.properties[rename.to] : undefined
  return property === undefined ? undefined : `add ${decorator} to ${property}`
}

/**
 * declaredProperty is `Class.property` of the class declaring `column`, the entity's own for its own columns; a
 * relation's join column is its relation's property (its path, `parent.id`, names no property).
 */
function declaredProperty(metadata: EntityMetadata, column: ColumnMetadata): string {
  if (typeof column.target === 'function' && column.target !== metadata.target) return `${column.target.name}.${column.propertyName}`
  return `${metadata.targetName}.${column.relationMetadata === undefined ? column.propertyPath : column.propertyName}`
}

/** oldColumnNamesOf is what `@RenamedFrom` says about `column` of `metadata`'s table: its old database names. */
export function oldColumnNamesOf(metadata: EntityMetadata, column: ColumnMetadata): readonly string[] {
  return declaredOnColumn(metadata, column, columnRenamedFrom)
}

/** declaredOnColumn is what a property decorator recorded (`read`) for the property behind `column`. */
function declaredOnColumn<Hint extends string | LabelRename>(
  metadata: EntityMetadata,
  column: ColumnMetadata,
  read: (target: unknown, property: string) => readonly Hint[],
): readonly Hint[] {
  const own = read(column.target, column.propertyName)
  if (own.length > 0 || column.embeddedMetadata !== undefined) return own
  // Inherited columns may name the entity class rather than the class declaring them: walk up from it.
  for (let target: unknown = metadata.target; typeof target === 'function'; target = Object.getPrototypeOf(target)) {
    const found = read(target, column.propertyName)
    if (found.length > 0) return found
  }
  return []
}
