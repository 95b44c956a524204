import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'
import type { TableModel } from '../model/schema-model'
import type { TableDeclaration } from './declaration-conflicts'
import { declaringEntityOf } from './declaring-entity'

/**
 * declarationOf names the metadata a table comes from: `@Entity ProductChannel`, or for a junction table
 * `@JoinTable of Product.channels` (the owning side of the ManyToMany that derives it).
 */
export function declarationOf(metadata: EntityMetadata, metadatas: readonly EntityMetadata[], table: TableModel): TableDeclaration {
  // Two @JoinTables of one table (the two sides of one ManyToMany each with its own) leave each relation
  // pointing at the other's junction: the owner is the entity whose key the junction's owner columns reference.
  const ownerEntity = declaringEntityOf(metadata)
  const relations = metadata.tableType === 'junction' ? metadatas.flatMap((m) => m.relations) : []
  const ownedHere = (r: (typeof relations)[number]) => r.isOwning && r.isManyToMany && r.entityMetadata === ownerEntity && r.joinTableName === metadata.tableName
  const owner = relations.find((r) => ownedHere(r) && r.junctionEntityMetadata === metadata) ??
    relations.find(ownedHere) ??
    relations.find((r) => r.isOwning && r.junctionEntityMetadata === metadata)
  if (owner !== undefined) {
    const writer = `${owner.entityMetadata.targetName}.${owner.propertyPath}`
    return { label: `@JoinTable of ${writer}`, writer, isEntity: false, table }
  }
  return { label: `@Entity ${metadata.targetName || metadata.name}`, writer: metadata.targetName || metadata.name, isEntity: true, table }
}
