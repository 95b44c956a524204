import type { DataSource } from 'typeorm'
import { quoteIdent } from './postgres-quote'

/** What TypeORM's driver finds the entities use (its checkMetadataForExtensions), by the extension it installs for it. */
const extensionOf: readonly (readonly [flag: string, extension: (uuidExtension: string) => string])[] = [
  ['hasUuidColumns', (uuid) => uuid],
  ['hasCitextColumns', () => 'citext'],
  ['hasHstoreColumns', () => 'hstore'],
  ['hasGeometryColumns', () => 'postgis'],
  ['hasCubeColumns', () => 'cube'],
  ['hasLtreeColumns', () => 'ltree'],
  ['hasVectorColumns', () => 'vector'],
  ['hasExclusionConstraints', () => 'btree_gist'],
]

/**
 * postgresConnectionSetup is what TypeORM's PostgreSQL driver sends as it connects, unless the DataSource says
 * `installExtensions: false`: `CREATE EXTENSION IF NOT EXISTS` of each extension the entities use (the uuid one is
 * `uuid-ossp` or the DataSource's `uuidExtension`), in its order, then of each the DataSource's `extensions` lists.
 * (TypeORM goes on where one cannot be installed, and skips a listed one the server does not have.)
 */
export async function postgresConnectionSetup(dataSource: DataSource): Promise<readonly string[]> {
  const options = dataSource.options as { installExtensions?: boolean; uuidExtension?: string; extensions?: readonly string[] }
  if (options.installExtensions === false) return []
  const driver = dataSource.driver as unknown as { checkMetadataForExtensions(): Promise<Record<string, boolean>> }
  const found = await driver.checkMetadataForExtensions()
  const used = extensionOf.filter(([flag]) => found[flag] === true).map(([, extension]) => extension(options.uuidExtension ?? 'uuid-ossp'))
  return [...used, ...(options.extensions ?? [])].map((name) => `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(name)}`)
}
