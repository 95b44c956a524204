/**
 * The transpile cache's writes still on their way to disk. Kept apart from the cache itself, which loads what
 * transpiling needs, so that waiting for them at exit costs a command that transpiles nothing no start-up.
 */
const pendingWrites = new Set<Promise<unknown>>()

/** trackCacheWrite counts `written` as pending until it settles (it must not reject). */
export function trackCacheWrite(written: Promise<unknown>): void {
  pendingWrites.add(written)
  void written.then(() => pendingWrites.delete(written))
}

/** cacheWritesDone resolves once the cache writes started so far are on disk (or given up). */
export async function cacheWritesDone(): Promise<void> {
  while (pendingWrites.size > 0) await Promise.all([...pendingWrites])
}
