import { type FileHazard, unacceptedHazards } from '../hazards/accepted-hazards'
import { migrationFilesIn } from '../source/migration-files'

/** PendingHazards are the hazards of one pending migration file that no reviewer accepted. */
export interface PendingHazards {
  /** The migration's name as TypeORM knows it (its class name, `AddAge1700000000000`). */
  readonly migration: string
  readonly file: string
  readonly hazards: readonly FileHazard[]
}

/**
 * pendingHazards reads the migration files in `migrationsDir` whose migration is among `pending` and lists
 * the hazard comments still open in each (see hazards/accepted-hazards.ts), in file-name order. Files that
 * are not migrations, or cannot be read, are skipped: this only informs, it never stops an upgrade.
 */
export function pendingHazards(migrationsDir: string, pending: readonly string[]): PendingHazards[] {
  if (pending.length === 0) return []
  const wanted = new Set(pending)
  return migrationFilesIn(migrationsDir).flatMap(({ name, file, source }): PendingHazards[] => {
    if (name === undefined || !wanted.has(name)) return []
    const hazards = unacceptedHazards(source)
    return hazards.length === 0 ? [] : [{ migration: name, file, hazards }]
  })
}

/** pendingHazardLines writes pending hazards as warnings, with how to accept them. */
export function pendingHazardLines(pending: readonly PendingHazards[]): string[] {
  if (pending.length === 0) return []
  return [
    ...pending.flatMap((p) => p.hazards.map((h) => `warning: ${p.migration} line ${h.line}: ${h.code} (${h.severity}): ${h.message}`)),
    'Review each; accept one by changing "// hazard" to "// accepted" on its line in the migration file.',
  ]
}
