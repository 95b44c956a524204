import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata'
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'
import type { RenameDecision, RenameHint } from '../diff/rename-types'
import { quoteLiteral } from '../dialect/quote'
import { columnRenamedFrom, tableRenamedFrom } from './renamed-from'

/**
 * renameHintsOf reads the `@RenamedFrom` hints of one entity's table: on its class (the table's old names)
 * and on its properties, inherited and embedded ones included (the columns' old database names).
 */
export function renameHintsOf(metadata: EntityMetadata): RenameHint[] {
  const table = metadata.schema ? { schema: metadata.schema, name: metadata.tableName } : { name: metadata.tableName }
  const hints: RenameHint[] = tableRenamedFrom(metadata.target).map((from) => ({
    kind: 'table',
    table: { ...table, name: from },
    from,
    to: metadata.tableName,
    origin: `@RenamedFrom(${quoteLiteral(from)}) on ${metadata.targetName}`,
  }))
  for (const column of metadata.columns) {
    if (column.isVirtualProperty) continue
    for (const from of columnHintsOf(metadata, column)) {
      hints.push({
        kind: 'column',
        table,
        from,
        to: column.databaseName,
        origin: `@RenamedFrom(${quoteLiteral(from)}) on ${metadata.targetName}.${column.propertyPath}`,
      })
    }
  }
  return hints
}

/** decoratorAdvice says where `@RenamedFrom` would state `rename`, or undefined when no entity declares its new name. */
export function decoratorAdvice(metadatas: readonly EntityMetadata[], rename: RenameDecision): string | undefined {
  const tableName = rename.kind === 'table' ? rename.to : rename.table.name
  const metadata = metadatas.find(
    (m) => m.tableName === tableName && typeof m.target === 'function' && (m.tableType === 'regular' || m.tableType === 'closure'),
  )
  if (metadata === undefined) return undefined
  const decorator = `@RenamedFrom(${quoteLiteral(rename.from)})`
  if (rename.kind === 'table') return `add ${decorator} to ${metadata.targetName}`
  const column = metadata.columns.find((c) => c.databaseName === rename.to && !c.isVirtualProperty)
  return column === undefined ? undefined : `add ${decorator} to ${metadata.targetName}.${column.propertyPath}`
}

function columnHintsOf(metadata: EntityMetadata, column: ColumnMetadata): readonly string[] {
  const own = columnRenamedFrom(column.target, column.propertyName)
  if (own.length > 0 || column.embeddedMetadata !== undefined) return own
  // Inherited columns may name the entity class rather than the class declaring them: walk up from it.
  for (let target: unknown = metadata.target; typeof target === 'function'; target = Object.getPrototypeOf(target)) {
    const found = columnRenamedFrom(target, column.propertyName)
    if (found.length > 0) return found
  }
  return []
}
