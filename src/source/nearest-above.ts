import * as fs from 'node:fs'
import * as path from 'node:path'

/**
 * nearestAbove is the path of the first `name` in `folder` or a folder above it that is a file (`'file'`)
 * or a folder (`'folder'`), undefined when none is; each folder's answer is kept in `memo`.
 */
export function nearestAbove(folder: string, name: string, kind: 'file' | 'folder', memo: Map<string, string | undefined>): string | undefined {
  if (memo.has(folder)) return memo.get(folder)
  const candidate = path.join(folder, name)
  const parent = path.dirname(folder)
  let found: string | undefined
  if (isKind(candidate, kind)) found = candidate
  else if (parent !== folder) found = nearestAbove(parent, name, kind, memo)
  memo.set(folder, found)
  return found
}

function isKind(candidate: string, kind: 'file' | 'folder'): boolean {
  try {
    const stat = fs.statSync(candidate)
    return kind === 'file' ? stat.isFile() : stat.isDirectory()
  } catch {
    return false
  }
}
