/**
 * withNodeNavigator runs `work` with `globalThis.navigator` as Node 21 and later define it (its `userAgent`
 * `Node.js/<major>`) where this Node has none, and takes it away again after. A driver that asks, as it
 * loads, whether it runs in a browser-like runtime then reads Node at once: pg 8 otherwise builds a fetch
 * `Response` to find out, which loads Node's whole fetch implementation (40 ms of every run that loads it).
 */
export async function withNodeNavigator<T>(work: () => Promise<T>): Promise<T> {
  if ('navigator' in globalThis) return work()
  const navigator = { userAgent: `Node.js/${process.versions.node.split('.')[0]}` }
  Object.defineProperty(globalThis, 'navigator', { value: navigator, configurable: true, enumerable: false, writable: true })
  try {
    return await work()
  } finally {
    if ((globalThis as { navigator?: unknown }).navigator === navigator) delete (globalThis as { navigator?: unknown }).navigator
  }
}
