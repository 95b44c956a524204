import type { Driver } from 'typeorm'
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'
import { compareText } from '../model/qualified-name'
import { tableLabel } from './table-model'

/**
 * ignoredFulltextWarnings says, in one sentence, which indexes are declared `fulltext: true` where the driver has
 * no fulltext indexes: TypeORM makes each a plain index there, and so does the diff. One sentence for the
 * project, not one per index in the header of every migration.
 */
export function ignoredFulltextWarnings(metadatas: readonly EntityMetadata[], driver: Driver): string[] {
  if (driver.isFullTextColumnTypeSupported()) return []
  const indexes = metadatas.filter((m) => m.tableType !== 'view' && m.synchronize).flatMap((metadata) =>
    metadata.indices.filter((index) => index.isFulltext && index.synchronize).map((index) => `"${index.name}" on ${tableLabel(metadata)}`)).sort(compareText)
  if (indexes.length === 0) return []
  const shown = indexes.length <= 3 ? indexes.join(', ') : `${indexes.slice(0, 3).join(', ')} and ${indexes.length - 3} more`
  return [`fulltext of ${indexes.length === 1 ? 'index' : `${indexes.length} indexes,`} ${shown}${indexes.length === 1 ? '' : ','} is ignored here, as TypeORM does: ${indexes.length === 1 ? 'it is' : 'each is'} a plain index`]
}
