import type { DataSource } from 'typeorm'
import { migrationNameOf } from './migration-name'
import { type DeclaredFacts, declaredFactsOf } from './declared-facts'
import { type EntityReadResult, readEntities } from './entity-metadata'
import { type RenameTarget, renameTargetsOf } from './rename-hints'

/**
 * EntityReading is all a comparison takes from loading the project's code: the entities' schema and facts,
 * and the names of the migrations the DataSource loads. Plain data, so that it can be cached (entity-cache).
 */
export interface EntityReading {
  readonly entities: EntityReadResult
  /** The DeclaredFacts of every table the entities map. */
  readonly declaredFacts: DeclaredFacts
  /** How many entity metadatas TypeORM built (junction tables and views included). */
  readonly metadataCount: number
  readonly renameTargets: readonly RenameTarget[]
  /** The DataSource's loaded migrations, as TypeORM records them. */
  readonly migrationNames: readonly string[]
}

/** readEntityReading loads the entity, migration and subscriber files and has TypeORM build its metadata. */
export async function readEntityReading(dataSource: DataSource): Promise<EntityReading> {
  const entities = await readEntities(dataSource)
  const metadatas = dataSource.entityMetadatas
  return {
    entities,
    declaredFacts: declaredFactsOf(metadatas),
    metadataCount: metadatas.length,
    renameTargets: renameTargetsOf(metadatas),
    migrationNames: dataSource.migrations.map(migrationNameOf),
  }
}
