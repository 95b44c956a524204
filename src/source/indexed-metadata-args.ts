import { getMetadataArgsStorage } from 'typeorm'

// TypeORM answers every per-entity lookup of its global decorator storage (columns, relations, indexes,
// generated columns, ...) by scanning the records of *all* entities, so building metadata grows with the
// square of the entity count: over half of a `check` at 1,000 entities. While we build, the lookups are
// answered from an index by target instead. Items and their order are exactly what TypeORM's scans return:
// the index only narrows each scan to the records of the targets asked for, and TypeORM's own code still
// runs on that subset.

type Storage = Record<string, unknown>
type Item = { readonly target?: unknown; readonly propertyName?: string }
type Method = (this: Storage, ...args: unknown[]) => unknown

const indexes = new WeakMap<readonly Item[], { length: number; byTarget: Map<unknown, number[]> }>()

/** withIndexedMetadataArgs runs `work` with TypeORM's metadata lookups indexed by target, then restores them. */
export async function withIndexedMetadataArgs<T>(work: () => Promise<T>): Promise<T> {
  const storage = getMetadataArgsStorage() as unknown as Storage
  const originals = new Map<string, Method>()
  const patch = (name: string, replacement: (original: Method) => Method) => {
    const original = storage[name]
    if (typeof original !== 'function' || originals.has(name)) return
    originals.set(name, original as Method)
    storage[name] = replacement(original as Method)
  }

  // Helpers taking (array, target): TypeORM's own code runs on the records of those targets only.
  for (const name of [
    'filterByTarget',
    'filterByTargetAndWithoutDuplicateProperties',
    'filterByTargetAndWithoutDuplicateRelationProperties',
    'filterByTargetAndWithoutDuplicateEmbeddedProperties',
  ]) {
    patch(name, (original) => function (array, target) {
      return original.call(this, ofTargets(array as readonly Item[], target), target)
    })
  }
  // Lookups that scan one storage array by target (and property) without the helpers above.
  const byTarget: [method: string, array: string][] = [
    ['filterIndices', 'indices'],
    ['filterForeignKeys', 'foreignKeys'],
    ['filterUniques', 'uniques'],
    ['filterChecks', 'checks'],
    ['filterExclusions', 'exclusions'],
    ['findGenerated', 'generations'],
    ['findJoinTable', 'joinTables'],
    ['filterJoinColumns', 'joinColumns'],
    ['findInheritanceType', 'inheritances'],
    ['findDiscriminatorValue', 'discriminatorValues'],
  ]
  for (const [method, arrayName] of byTarget) {
    patch(method, (original) => function (target, ...rest) {
      const array = this[arrayName] as readonly Item[] | undefined
      if (!Array.isArray(array)) return original.call(this, target, ...rest)
      // Run TypeORM's method against a storage whose array holds only the records of `target`.
      const narrowed = Object.create(this) as Storage
      narrowed[arrayName] = ofTargets(array, target)
      return original.call(narrowed, target, ...rest)
    })
  }

  try {
    return await work()
  } finally {
    for (const [name, original] of originals) storage[name] = original
  }
}

/** ofTargets is the sub-list of `array` whose records belong to `target` (one or several), in array order. */
function ofTargets(array: readonly Item[], target: unknown): Item[] {
  let index = indexes.get(array)
  if (index === undefined || index.length !== array.length) {
    const map = new Map<unknown, number[]>()
    array.forEach((item, i) => {
      const positions = map.get(item.target)
      if (positions) positions.push(i)
      else map.set(item.target, [i])
    })
    index = { length: array.length, byTarget: map }
    indexes.set(array, index)
  }
  const targets = Array.isArray(target) ? target : [target]
  const positions = targets.length === 1
    ? (index.byTarget.get(targets[0]) ?? [])
    : [...new Set(targets.flatMap((t) => index!.byTarget.get(t) ?? []))].sort((a, b) => a - b)
  return positions.map((i) => array[i])
}
