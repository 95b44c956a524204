import * as fs from 'node:fs'
import * as path from 'node:path'
import { UserError } from './user-error'

/**
 * supportedTypeorm are the TypeORMs this version works with and is tested on, each from `lowest` up to below
 * `below`: 0.3 and 1.x (package.json's peer range).
 */
const supportedTypeorm: readonly { readonly lowest: Version; readonly below: Version }[] = [
  { lowest: [0, 3, 0], below: [0, 4, 0] },
  { lowest: [1, 0, 0], below: [2, 0, 0] },
]
type Version = readonly [number, number, number]

/**
 * refuseForeignTypeorm stops (UserError) when the project's config resolves another copy of TypeORM than
 * this tool does (the tool installed from a folder with its own node_modules, or globally): the DataSource
 * would then come from one copy and the metadata be read with the other. It also stops on a TypeORM
 * outside the supported range.
 */
export function refuseForeignTypeorm(configPath: string): void {
  const ours = typeormPackage(__dirname)
  const theirs = typeormPackage(path.dirname(configPath))
  if (ours !== undefined && theirs !== undefined && ours.folder !== theirs.folder) {
    throw new UserError(`two copies of TypeORM: the project's at ${theirs.folder} and typeorm-autogen's at ${ours.folder}; install typeorm-autogen into the project (npm install --save-dev typeorm-autogen), so that both use the project's TypeORM`)
  }
  if (ours === undefined) return
  const { version } = ours
  if (!isSupported(version)) {
    const ranges = supportedTypeorm.map((range) => `^${range.lowest.join('.')}`).join(' or ')
    throw new UserError(`TypeORM ${version} is not supported: typeorm-autogen works with TypeORM ${ranges} (install one, e.g. npm install typeorm@1)`)
  }
}

/** isSupported says whether a TypeORM version lies in the supported range (prerelease tags count as their release). */
export function isSupported(version: string): boolean {
  const parts = /^(\d+)\.(\d+)\.(\d+)/.exec(version)?.slice(1).map(Number)
  if (parts === undefined) return false
  const at = parts as unknown as Version
  return supportedTypeorm.some((range) => compareVersions(at, range.lowest) >= 0 && compareVersions(at, range.below) < 0)
}

function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
}

/** typeormPackage is the TypeORM package `from` resolves (its folder and version), found above its entry file: its `exports` hide package.json. */
function typeormPackage(from: string): { readonly folder: string; readonly version: string } | undefined {
  let entry: string
  try {
    entry = require.resolve('typeorm', { paths: [from] })
  } catch {
    return undefined
  }
  for (let folder = path.dirname(entry); folder !== path.dirname(folder); folder = path.dirname(folder)) {
    const file = path.join(folder, 'package.json')
    if (!fs.existsSync(file)) continue
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string }
    if (manifest.name === 'typeorm') return { folder, version: manifest.version ?? '' }
  }
  return undefined
}
