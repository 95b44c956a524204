import type { NamingStrategyInterface } from 'typeorm'
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'
import type { RenameHint } from '../diff/rename-types'
import { tableRenamedFrom } from './renamed-from'
import type { TablePrefix } from './table-prefix'

/**
 * closureRenameHints carries a closure-table tree's stated rename (`@RenamedFrom` on its class) to the
 * closure table TypeORM derives from its name (`category_closure`), asking the naming strategy with the old
 * name (without the DataSource's `entityPrefix`, as TypeORM derives it). A closure table named in the tree's
 * options (`closureTableName`) stays as it is.
 */
export function closureRenameHints(metadatas: readonly EntityMetadata[], naming: NamingStrategyInterface, prefix: TablePrefix): RenameHint[] {
  return metadatas.flatMap((metadata): RenameHint[] => {
    const closure = metadata.closureJunctionTable as EntityMetadata | undefined
    if (metadata.treeType !== 'closure-table' || closure === undefined || metadata.treeOptions?.closureTableName !== undefined) return []
    const table = closure.schema ? { schema: closure.schema, name: closure.tableName } : { name: closure.tableName }
    return tableRenamedFrom(metadata.target).flatMap((from): RenameHint[] => {
      const oldName = prefix.add(naming.closureJunctionTableName(prefix.strip(from)))
      if (oldName === closure.tableName || closure.tableNameWithoutPrefix !== naming.closureJunctionTableName(metadata.tableNameWithoutPrefix)) return []
      const origin = `@RenamedFrom('${from}') on ${metadata.targetName}, carried to closure table "${closure.tableName}"`
      return [{ kind: 'table', table: { ...table, name: oldName }, from: oldName, to: closure.tableName, origin }]
    })
  })
}
