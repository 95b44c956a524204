import * as path from 'node:path'

type Resolve = (this: unknown, request: string, parent: { filename?: string | null, paths?: readonly string[] } | undefined, ...rest: unknown[]) => string

/**
 * memoizedPackageResolution remembers where a bare request (`typeorm`, `pg/lib/x`) resolved from each
 * directory. Node caches most resolutions, but not those through a package's `exports` map, so every one
 * of a thousand entity files importing `typeorm` read its package.json anew. The key is Node's own (the
 * request and the requesting module's lookup paths) and the requesting file's directory (a package may import
 * itself by name).
 * Requests with options (`require.resolve(x, { paths })`) and failures are not remembered.
 */
export function memoizedPackageResolution(resolve: Resolve): Resolve {
  const resolved = new Map<string, string>()
  return function (request, parent, ...rest) {
    const directory = parent?.filename ? path.dirname(parent.filename) : undefined
    if (directory === undefined || rest.some((r) => r !== undefined && r !== false) || !isBareRequest(request)) {
      return resolve.call(this, request, parent, ...rest)
    }
    const key = `${request}\u0000${directory}\u0000${parent?.paths?.join('\u0000')}`
    const known = resolved.get(key)
    if (known !== undefined) return known
    const filename = resolve.call(this, request, parent, ...rest)
    resolved.set(key, filename)
    return filename
  }
}

function isBareRequest(request: string): boolean {
  return !request.startsWith('.') && !request.startsWith('#') && !request.startsWith('node:') && !path.isAbsolute(request)
}
