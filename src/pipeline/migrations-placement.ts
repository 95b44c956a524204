import type { MigrationFormat } from '../render/migration-format'
import type { LoadedProject } from '../source/load-config'
import { migrationsTarget } from '../source/migrations-dir'
import { UserError } from '../source/user-error'

/**
 * placedMigrationFormat is the language `generate` and `create` write a migration in (see migrationsTarget).
 * It stops them before they connect when a migration they write would not be run by `upgrade`: one line
 * naming autogen.migrationsDir.
 */
export function placedMigrationFormat(project: LoadedProject): MigrationFormat {
  const { refusal, format } = migrationsTarget(project.dataSource, project.settings, process.cwd(), project.configPath)
  if (refusal !== undefined) throw new UserError(refusal)
  return format
}
