import * as fs from 'node:fs'
import * as path from 'node:path'
import { nearestAbove } from './nearest-above'

const manifestOfFolder = new Map<string, string | undefined>()
const isModuleManifest = new Map<string, boolean>()

/**
 * isInModulePackage says whether the package.json nearest above `file` says `"type": "module"`, so that its
 * `.js` (and, for TypeORM's loader, `.ts`) files are ES modules; a package.json that is not JSON says not.
 * Both answers are kept per folder and per package.json.
 */
export function isInModulePackage(file: string): boolean {
  const manifest = nearestAbove(path.dirname(file), 'package.json', 'file', manifestOfFolder)
  if (manifest === undefined) return false
  let isModule = isModuleManifest.get(manifest)
  if (isModule === undefined) {
    try {
      isModule = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { type?: unknown } | null)?.type === 'module'
    } catch {
      isModule = false
    }
    isModuleManifest.set(manifest, isModule)
  }
  return isModule
}
