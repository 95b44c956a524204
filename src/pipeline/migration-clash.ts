import { migrationClassName, migrationFileName } from '../render/migration-name'
import type { MigrationFormat } from '../render/migration-format'
import { folderEntries } from '../source/migration-files'
import { UserError } from '../source/user-error'
import type { MigrationHistory } from './unapplied-migrations'

/** PlannedMigration is a migration `generate` is about to write: its name and timestamp. */
export interface PlannedMigration {
  readonly name: string
  readonly timestamp: number
}

/**
 * refuseMigrationClash stops `generate` before it writes anything when one of `planned` would replace or
 * shadow an existing migration: its file exists in `dir`, or a migration of the folder (any file), of the
 * DataSource or of the database's migrations table has its timestamp or its class name.
 */
export function refuseMigrationClash(
  dir: string, planned: readonly PlannedMigration[], history: MigrationHistory, format: MigrationFormat, command = 'generate',
): void {
  const files = folderEntries(dir)
  const names = [...new Set([...history.known, ...history.applied])]
  for (const { name, timestamp } of planned) {
    const className = migrationClassName(name, timestamp)
    const stamp = String(timestamp)
    const fileName = migrationFileName(name, timestamp, format)
    const clash = files.includes(fileName)
      ? `file ${fileName}`
      : files.find((file) => file.startsWith(`${stamp}-`)) ?? names.find((other) => other === className || other.endsWith(stamp))
    if (clash !== undefined) {
      const where = history.applied.includes(clash) ? ', applied to the database' : ''
      throw new UserError(
        `a migration with timestamp ${stamp} or class name ${className} already exists (${clash}${where}): ${command} never replaces a migration; pick another --timestamp or name`,
      )
    }
  }
}
