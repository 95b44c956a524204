import * as fs from 'node:fs'
import * as path from 'node:path'
import type * as Swc from '@swc/core'
import { swcTranspiler } from './swc-transpiler'

/**
 * unparsableImport is the first file, `entry` or one it imports by a relative path (`import`, `export ... from`),
 * that does not parse: the file of a syntax error Node reports, for an ES module, with no place at all.
 * Undefined where each parses, or SWC is not there to tell.
 */
export function unparsableImport(entry: string): string | undefined {
  const swc = swcTranspiler()
  if (swc === undefined) return undefined
  const seen = new Set<string>()
  const queue = [entry]
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue
    seen.add(file)
    const module = swc.parse(fs.readFileSync(file, 'utf8'))
    if (module === undefined) return file
    for (const specifier of module.body.flatMap(importedSpecifier)) {
      const imported = path.resolve(path.dirname(file), specifier)
      if (specifier.startsWith('.') && fs.statSync(imported, { throwIfNoEntry: false })?.isFile() === true) queue.push(imported)
    }
  }
  return undefined
}

function importedSpecifier(item: Swc.ModuleItem): string[] {
  switch (item.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
      return [item.source.value]
    case 'ExportNamedDeclaration':
      return item.source === undefined ? [] : [item.source.value]
    default:
      return []
  }
}
