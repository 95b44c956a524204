import * as path from 'node:path'
import type { DataSource } from 'typeorm'
import type { AutogenSettings } from './autogen-settings'

const globCharacters = /[*?[\]{}()!]/

/**
 * resolveMigrationsDir says where migration files go: `autogen.migrationsDir`, else the folder part of the
 * DataSource's first string `migrations` entry before any glob character, else `./migrations`; resolved
 * against the working directory, as TypeORM resolves its globs.
 */
export function resolveMigrationsDir(dataSource: DataSource, settings: AutogenSettings, cwd = process.cwd()): string {
  const chosen = settings.migrationsDir ?? folderOfGlob(firstMigrationsGlob(dataSource)) ?? 'migrations'
  return path.resolve(cwd, chosen)
}

function firstMigrationsGlob(dataSource: DataSource): string | undefined {
  const migrations: unknown = dataSource.options.migrations
  if (migrations === undefined || migrations === null || typeof migrations !== 'object') return undefined
  const entries = Array.isArray(migrations) ? migrations : Object.values(migrations)
  return entries.find((entry): entry is string => typeof entry === 'string' && entry.trim() !== '')
}

/** folderOfGlob is the folder part of a path before its first glob character (`migrations/*.ts` -> `migrations`). */
export function folderOfGlob(glob: string | undefined): string | undefined {
  if (glob === undefined) return undefined
  const normalized = glob.replace(/\\/g, '/')
  const wildcard = normalized.search(globCharacters)
  const literal = wildcard === -1 ? normalized : normalized.slice(0, wildcard)
  const folder = literal.endsWith('/') ? literal.slice(0, -1) : path.posix.dirname(literal)
  return folder === '' ? '/' : folder
}
