import type { DataSource } from 'typeorm'
import { compareText } from '../model/qualified-name'

/**
 * entitySchemaNames is the schemas the DataSource's entities name (tables, junctions, views), read from
 * their metadata alone: what a command that leaves the entities out of its comparison (`check --drift`)
 * needs to scope its reading, without the checks reading the entities' schema makes (two entities on
 * one table, which a project may list for its migrations' sake).
 */
export function entitySchemaNames(dataSource: DataSource): string[] {
  const named = dataSource.entityMetadatas.flatMap((metadata) => (metadata.schema === undefined ? [] : [metadata.schema]))
  return [...new Set(named)].sort(compareText)
}
