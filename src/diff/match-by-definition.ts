import type { Matched } from './match-by'

/**
 * matchByDefinition pairs `actual` and `desired` items of one table that have the same definition, whatever
 * their names: first those whose names agree too, then the rest in list order. A pair whose names differ
 * is the same object under another name.
 */
export function matchByDefinition<T extends { readonly name: string }>(
  actual: readonly T[],
  desired: readonly T[],
  definition: (item: T) => string,
): Matched<T> {
  const free = [...actual]
  const pairs = new Map<T, T>()
  const pair = (wanted: T, accept: (item: T) => boolean) => {
    const at = free.findIndex((item) => accept(item) && definition(item) === definition(wanted))
    if (at < 0) return
    pairs.set(wanted, free[at])
    free.splice(at, 1)
  }
  for (const wanted of desired) pair(wanted, (item) => item.name === wanted.name)
  for (const wanted of desired) if (!pairs.has(wanted)) pair(wanted, () => true)
  return {
    added: desired.filter((wanted) => !pairs.has(wanted)),
    removed: free,
    both: desired.flatMap((wanted) => {
      const match = pairs.get(wanted)
      return match === undefined ? [] : [{ actual: match, desired: wanted }]
    }),
  }
}
