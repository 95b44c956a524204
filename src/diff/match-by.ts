/** Matched is the result of pairing two lists by a key: what only the desired side has, only the actual side has, and both. */
export interface Matched<T> {
  readonly added: readonly T[]
  readonly removed: readonly T[]
  readonly both: readonly { readonly actual: T; readonly desired: T }[]
}

/** matchBy pairs `actual` and `desired` items that share a key; order follows each input list. */
export function matchBy<T>(actual: readonly T[], desired: readonly T[], key: (item: T) => string): Matched<T> {
  const actualByKey = new Map(actual.map((item) => [key(item), item]))
  const desiredKeys = new Set(desired.map(key))
  const both: { actual: T; desired: T }[] = []
  const added: T[] = []
  for (const item of desired) {
    const match = actualByKey.get(key(item))
    if (match === undefined) added.push(item)
    else both.push({ actual: match, desired: item })
  }
  const removed = actual.filter((item) => !desiredKeys.has(key(item)))
  return { added, removed, both }
}
