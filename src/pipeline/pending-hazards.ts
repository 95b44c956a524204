import { type FileHazard, unacceptedHazards } from '../hazards/accepted-hazards'
import { migrationFilesIn } from '../source/migration-files'
import { withoutMeasurement } from '../hazards/measurement-text'
import { isShown, type Shown } from './shown-findings'

/** PendingHazards are the hazards of one pending migration file that no reviewer accepted. */
export interface PendingHazards {
  /** The migration's name as TypeORM knows it (its class name, `AddAge1700000000000`). */
  readonly migration: string
  readonly file: string
  readonly hazards: readonly FileHazard[]
}

/**
 * pendingHazards reads the migration files in `migrationsDir` (and its `subfolders`, see migrationFilesIn) whose migration is among `pending` and lists
 * the hazard comments still open in each (see hazards/accepted-hazards.ts) and `shown` (default: all), in
 * file-name order. Files that are not migrations, or cannot be read, are skipped: this only informs, it
 * never stops an upgrade.
 */
export function pendingHazards(migrationsDir: string, subfolders: boolean, pending: readonly string[], shown?: Shown): PendingHazards[] {
  if (pending.length === 0) return []
  const wanted = new Set(pending)
  return migrationFilesIn(migrationsDir, subfolders).flatMap(({ name, file, source }): PendingHazards[] => {
    if (name === undefined || !wanted.has(name)) return []
    const hazards = unacceptedHazards(source).filter((h) => shown === undefined || isShown(h, shown))
    return hazards.length === 0 ? [] : [{ migration: name, file, hazards }]
  })
}

/**
 * pendingHazardLines writes pending hazards as warnings, with how to accept them. Their counts are left out:
 * the file's were made on the database it was generated against, which may not be the one it runs on.
 */
export function pendingHazardLines(pending: readonly PendingHazards[]): string[] {
  if (pending.length === 0) return []
  let uncounted = false
  const lines = pending.flatMap((p) => p.hazards.map((h) => {
    const message = withoutMeasurement(h.message)
    if (message !== undefined) uncounted = true
    return `warning: ${p.migration} line ${h.line}: ${h.code} (${h.severity}): ${message ?? h.message}`
  }))
  return [
    ...lines,
    ...(uncounted ? ['Counts are left out: those in the migration files are from the database they were generated against.'] : []),
    'Review each; accept one by changing "// hazard" to "// accepted" on its line in the migration file.',
  ]
}
