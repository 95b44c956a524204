import type { NamingStrategyInterface } from 'typeorm'
import { shorten } from 'typeorm/util/StringUtils'
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata'
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'
import type { RelationMetadata } from 'typeorm/metadata/RelationMetadata'
import type { RenameHint } from '../diff/rename-types'
import { columnRenamedFrom, oldTableOf, tableRenamedFrom } from './renamed-from'
import { oldColumnNamesOf } from './rename-hints'
import type { TablePrefix } from './table-prefix'
import { dataSourceOf } from './metadata-data-source'

/**
 * junctionRenameHints carries stated renames to the junction tables TypeORM derives from them: when an
 * entity at either end of an owning ManyToMany is renamed (`@RenamedFrom` on its class), or the owning
 * property is (`@RenamedFrom('tags')` on the property), the junction's derived name and join column names are
 * asked of the naming strategy again with the old names, and each that changed becomes a hint. Names
 * given explicitly (`@JoinTable({ name })`, `joinColumn: { name }`) stay as they are, so give none. An owner
 * moved from another schema (`@RenamedFrom('crm.post')`) moves its junction along, which TypeORM puts in the
 * owner's schema. The naming strategy derives from names without the DataSource's `entityPrefix`, which
 * `@RenamedFrom` gives as the database has them, with it.
 */
export function junctionRenameHints(metadatas: readonly EntityMetadata[], naming: NamingStrategyInterface, prefix: TablePrefix): RenameHint[] {
  return metadatas.flatMap((metadata) =>
    metadata.relations.filter((r) => r.isManyToMany && r.isOwning && r.junctionEntityMetadata !== undefined)
      .flatMap((relation) => hintsOf(relation, naming, prefix)))
}

/** Names is one way the junction's inputs may have been named before: owner table, inverse table, property. */
interface Names {
  readonly owner: string
  readonly inverse: string
  readonly property: string
}

function hintsOf(relation: RelationMetadata, naming: NamingStrategyInterface, prefix: TablePrefix): RenameHint[] {
  const junction = relation.junctionEntityMetadata!
  const now: Names = {
    owner: relation.entityMetadata.tableNameWithoutPrefix,
    inverse: relation.inverseEntityMetadata.tableNameWithoutPrefix,
    property: relation.propertyPath,
  }
  const ownerBefore = tableRenamedFrom(relation.entityMetadata.target).map(oldTableOf)
  const origins = {
    owner: ownerBefore.map((old) => prefix.strip(old.name)),
    inverse: tableRenamedFrom(relation.inverseEntityMetadata.target).map((old) => prefix.strip(oldTableOf(old).name)),
    property: columnRenamedFrom(relation.target, relation.propertyName),
  }
  const inverseProperty = relation.inverseRelation?.propertyName ?? ''
  const maxLength = dataSourceOf(relation.entityMetadata).driver.maxAliasLength
  const junctionName = (names: Names) => withinAliasLength(naming.tableName('', naming.joinTableName(names.owner, names.inverse, names.property, inverseProperty)), maxLength)
  const derivedName = junction.tableNameWithoutPrefix === junctionName(now)
  const table = junction.schema ? { schema: junction.schema, name: junction.tableName } : { name: junction.tableName }
  const stated = [
    ...tableRenamedFrom(relation.entityMetadata.target).map((from) => `@RenamedFrom('${from}') on ${relation.entityMetadata.targetName}`),
    ...tableRenamedFrom(relation.inverseEntityMetadata.target).map((from) => `@RenamedFrom('${from}') on ${relation.inverseEntityMetadata.targetName}`),
    ...origins.property.map((from) => `@RenamedFrom('${from}') on ${relation.entityMetadata.targetName}.${relation.propertyPath}`),
  ]
  const originOf = (alsoStated: readonly string[]) => `${[...stated, ...alsoStated].join(', ')}, carried to junction "${junction.tableName}"`
  const origin = originOf([])

  const hints: RenameHint[] = []
  const moved = ownerBefore.some((old) => old.schema !== undefined && old.schema !== junction.schema)
  for (const before of earlierNames(now, origins, moved)) {
    const oldName = derivedName ? prefix.add(junctionName(before)) : junction.tableName
    const oldSchema = ownerBefore.find((old) => prefix.strip(old.name) === before.owner && old.schema !== junction.schema)?.schema
    if (oldSchema !== undefined) {
      const toSchema = junction.schema ? { toSchema: junction.schema } : {}
      hints.push({ kind: 'table', table: { schema: oldSchema, name: oldName }, from: oldName, to: junction.tableName, ...toSchema, move: true, origin })
    } else if (oldName !== junction.tableName) {
      hints.push({ kind: 'table', table: { ...table, name: oldName }, from: oldName, to: junction.tableName, origin })
    }
  }
  // A join column's name derives from its table's name and the database name of the key it references, so a
  // renamed key (`@RenamedFrom('id')` on a primary column now named `orderId`) renames it too.
  const carried = new Set<string>()
  const columnHint = (column: ColumnMetadata, tableNow: string, tableBefore: string, name: typeof naming.joinTableColumnName) => {
    const referenced = column.referencedColumn!
    const derive = (tableName: string, key: string) => name.call(naming, tableName, referenced.propertyName, key)
    if (column.databaseName !== derive(tableNow, referenced.databaseName)) return
    const keyRenamedFrom = oldColumnNamesOf(referenced.entityMetadata, referenced)
    for (const key of [...keyRenamedFrom, referenced.databaseName]) {
      const from = derive(tableBefore, key)
      if (from === column.databaseName || carried.has(`${column.databaseName}\0${from}`)) continue
      carried.add(`${column.databaseName}\0${from}`)
      const keyOrigin = key === referenced.databaseName ? [] : [`@RenamedFrom('${key}') on ${referenced.entityMetadata.targetName}.${referenced.propertyPath}`]
      hints.push({ kind: 'column', table, from, to: column.databaseName, origin: originOf(keyOrigin) })
    }
  }
  for (const before of nameCombinations(now, origins)) {
    for (const column of junction.ownerColumns) columnHint(column, now.owner, before.owner, naming.joinTableColumnName)
    for (const column of junction.inverseColumns) columnHint(column, now.inverse, before.inverse, naming.joinTableInverseColumnName)
  }
  return hints
}

/**
 * earlierNames lists every combination of current and old names, old names first: but the current one, unless
 * the owner `moved` from another schema (under its name, the junction moves too).
 */
function earlierNames(now: Names, origins: { readonly [K in keyof Names]: readonly string[] }, moved: boolean): Names[] {
  return nameCombinations(now, origins)
    .filter((names) => moved || names.owner !== now.owner || names.inverse !== now.inverse || names.property !== now.property)
}

/** nameCombinations lists every combination of current and old names, old names first, the current one last. */
function nameCombinations(now: Names, origins: { readonly [K in keyof Names]: readonly string[] }): Names[] {
  const choices = (key: keyof Names) => [...new Set([...origins[key], now[key]])]
  return choices('owner').flatMap((owner) => choices('inverse').flatMap((inverse) => choices('property').map((property) => ({ owner, inverse, property }))))
}

/**
 * withinAliasLength is a junction table's name as TypeORM gives it where the driver bounds names
 * (`maxAliasLength`: 63 on PostgreSQL and MySQL): one longer is shortened to three letters a word
 * (`org_mem_inv_not_pre_cat_not_pre_cat`).
 */
function withinAliasLength(name: string, maxLength: number | undefined): string {
  return maxLength !== undefined && maxLength > 0 && name.length > maxLength ? shorten(name, { separator: '_', segmentLength: 3 }) : name
}
