/**
 * What writes the caches, kept apart from the caches themselves, which load what transpiling needs, so that
 * waiting for them at exit costs a command that transpiles nothing no start-up.
 */

// One list for the process, whatever copies of this module it holds (the test runner loads the CLI anew for
// each run): one listener at exit, not one per copy.
const shared = Symbol.for('typeorm-autogen.cache-flushes')

function dueFlushes(): Set<() => void> {
  const holder = process as unknown as Record<symbol, Set<() => void> | undefined>
  let due = holder[shared]
  if (due === undefined) {
    const flushes = (holder[shared] = due = new Set())
    process.once('exit', () => flushAll(flushes))
  }
  return due
}

function flushAll(due: Set<() => void>): void {
  const flushes = [...due]
  due.clear()
  for (const flush of flushes) flush()
}

/**
 * flushLater has `flush` write what a cache holds in memory, by the next cacheWritesDone, or as the process exits
 * where nothing calls that (a library's caller); `flush` must write synchronously and not throw.
 */
export function flushLater(flush: () => void): void {
  dueFlushes().add(flush)
}

/** cacheWritesDone resolves once what the caches hold in memory is on disk (or given up). */
export async function cacheWritesDone(): Promise<void> {
  flushAll(dueFlushes())
}
