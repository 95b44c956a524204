import * as path from 'node:path'

/** PathAliases are a tsconfig's `paths` with the folder their targets are relative to. */
export interface PathAliases {
  /** Absolute folder: the `baseUrl`, else the folder of the tsconfig that sets `paths`. */
  readonly baseDir: string
  readonly paths: Readonly<Record<string, readonly string[]>>
}

/**
 * aliasTargets lists the absolute paths a bare `request` may stand for under `aliases`, in the order
 * TypeScript tries them: the pattern that matches exactly, else the `*` pattern with the longest prefix,
 * then each of its targets in order, with `*` replaced by what it matched. Empty when no pattern matches.
 */
export function aliasTargets(request: string, aliases: PathAliases): string[] {
  const pattern = matchingPattern(request, Object.keys(aliases.paths))
  if (pattern === undefined) return []
  const star = pattern.indexOf('*')
  const captured = star < 0 ? '' : request.slice(star, request.length - (pattern.length - star - 1))
  return aliases.paths[pattern].map((target) => path.resolve(aliases.baseDir, target.replace('*', captured)))
}

function matchingPattern(request: string, patterns: readonly string[]): string | undefined {
  if (patterns.includes(request)) return request
  let best: string | undefined
  for (const pattern of patterns) {
    const star = pattern.indexOf('*')
    if (star < 0) continue
    const prefix = pattern.slice(0, star)
    const suffix = pattern.slice(star + 1)
    const matches = request.length >= prefix.length + suffix.length && request.startsWith(prefix) && request.endsWith(suffix)
    if (matches && (best === undefined || prefix.length > best.indexOf('*'))) best = pattern
  }
  return best
}
