import type { DataSource } from 'typeorm'
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'

/** dataSourceOf is the DataSource an entity's metadata belongs to: TypeORM 0.3 names it `connection`, 1.x `dataSource`. */
export function dataSourceOf(metadata: EntityMetadata): DataSource {
  const named = metadata as unknown as { readonly dataSource?: DataSource; readonly connection?: DataSource }
  return (named.dataSource ?? named.connection)!
}
