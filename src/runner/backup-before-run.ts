import { existsSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { DataSourceOptions } from 'typeorm'
import { dialectFor } from '../dialect/dialect-for'
import { UserError } from '../source/user-error'

/** BackupRequest is `upgrade --backup [PATH]` (or `downgrade`): where to write the backup, and whom to tell where it went. */
export interface BackupRequest {
  /** A new file, or a folder to write it in; empty: the dialect's default place (Dialect.backupName). */
  readonly path: string
  /** Told the backup file written, or undefined when the database had nothing to copy yet. */
  readonly onDone: (path: string | undefined) => void
}

/**
 * plannedBackup is the backup of the database `options` point at, to be made before migrations run or are
 * reverted (Dialect.backup), to the file `request` names, named by `takenAt`. It never overwrites a file: where
 * that file cannot be written, a folder that does not exist or a file that does, it stops the run (UserError)
 * at once, before the run looks for migrations to run or revert, so that a mistyped PATH is found on the first
 * run, not on the first that has something to do.
 */
export function plannedBackup(options: DataSourceOptions, request: BackupRequest, takenAt = new Date()): () => Promise<void> {
  const dialect = dialectFor(options)
  const named = dialect.backupName(options, takenAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z'))
  const given = request.path === '' ? undefined : resolve(request.path)
  // A PATH that ends in a separator names a folder, whether it exists or not.
  const givenFolder = given !== undefined && (/[\\/]$/.test(request.path) || isFolder(given))
  const path = given === undefined ? join(named.folder ?? process.cwd(), named.file) : givenFolder ? join(given, named.file) : given
  if (!isFolder(dirname(path))) throw new UserError(`the folder ${dirname(path)} for the backup does not exist: create it, or name another with --backup PATH; nothing was run`)
  if (existsSync(path)) throw new UserError(`the backup file ${path} exists already: name another with --backup PATH, or move that one away; nothing was run`)
  return async () => request.onDone(await dialect.backup(options, path) ? path : undefined)
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true
}
