import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'

/**
 * declaringEntityOf is the entity whose declaration makes TypeORM derive a table: the owning side of a
 * ManyToMany for its junction table (the entity whose key the junction's owner columns reference), the tree
 * entity for its closure table. An entity's own table has none.
 */
export function declaringEntityOf(metadata: EntityMetadata): EntityMetadata | undefined {
  if (metadata.tableType === 'junction') return metadata.ownerColumns[0]?.referencedColumn?.entityMetadata
  if (metadata.tableType === 'closure-junction') return metadata.parentClosureEntityMetadata
  return undefined
}
