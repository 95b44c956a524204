import { EntityMetadataBuilder } from 'typeorm/metadata-builder/EntityMetadataBuilder'
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata'

type Step1 = (this: EntityMetadataBuilder, all: readonly EntityMetadata[], metadata: EntityMetadata) => void
type Patchable = { computeEntityMetadataStep1: Step1 & { [narrowed]?: true } }

const narrowed = Symbol('narrowed')

// For each column of each entity, TypeORM's computeEntityMetadataStep1 searches the list of all entity
// metadatas for a single-table child declaring the column: quadratic in the entity count, about 70 ms at
// 1,000 entities. It reads that list for nothing else, so while we build, it gets the single-table children
// only, which gives the same search the same answer. A TypeORM whose step reads the list elsewhere keeps it whole.

/** withSingleTableChildrenScan runs `work` with TypeORM's per-column search for single-table children narrowed, then restores it. */
export async function withSingleTableChildrenScan<T>(work: () => Promise<T>): Promise<T> {
  const prototype = EntityMetadataBuilder.prototype as unknown as Patchable
  const original = prototype.computeEntityMetadataStep1
  if (typeof original !== 'function' || original[narrowed] || !readsListForChildrenOnly(original)) return work()
  const replacement: Patchable['computeEntityMetadataStep1'] = function (all, metadata) {
    return original.call(this, all.filter((candidate) => candidate.tableType === 'entity-child'), metadata)
  }
  replacement[narrowed] = true
  prototype.computeEntityMetadataStep1 = replacement
  try {
    return await work()
  } finally {
    prototype.computeEntityMetadataStep1 = original
  }
}

/** readsListForChildrenOnly says whether the step's source uses its first parameter once, in a search for single-table children. */
function readsListForChildrenOnly(step: Step1): boolean {
  const source = Function.prototype.toString.call(step)
  const parameter = /^[^(]*\(\s*([\w$]+)\s*,/.exec(source)?.[1]
  if (parameter === undefined) return false
  const uses = source.split(new RegExp(`\\b${parameter.replace(/\$/g, '\\$')}\\b`)).length - 1
  return uses === 2 && new RegExp(`\\b${parameter.replace(/\$/g, '\\$')}\\.find\\([^)]*\\)\\s*=>[^;]*"entity-child"`).test(source)
}
