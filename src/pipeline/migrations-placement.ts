import type { LoadedProject } from '../source/load-config'
import { migrationsTarget } from '../source/migrations-dir'
import { UserError } from '../source/user-error'

/**
 * refuseUnplaceableMigrations stops `generate` before it connects when a migration it writes would not be
 * run by `upgrade` (see migrationsTarget): one line naming autogen.migrationsDir.
 */
export function refuseUnplaceableMigrations(project: LoadedProject): void {
  const { refusal } = migrationsTarget(project.dataSource, project.settings)
  if (refusal !== undefined) throw new UserError(refusal)
}
