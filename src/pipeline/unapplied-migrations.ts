import type { DataSource } from 'typeorm'
import type { DatabaseConnection, Dialect } from '../dialect/dialect'
import { migrationNameOf } from '../runner/migration-runner'
import { UserError } from '../source/user-error'
import { migrationsTableOf } from './ignored-tables'

/**
 * unappliedMigrations names the project's migrations (loaded with its entities) that the database has not
 * recorded as applied. A diff against such a database repeats their changes.
 */
export async function unappliedMigrations(
  dataSource: DataSource,
  dialect: Dialect,
  connection: DatabaseConnection,
): Promise<readonly string[]> {
  if (dataSource.migrations.length === 0) return []
  const applied = new Set(await dialect.appliedMigrations(connection, migrationsTableOf(dataSource), dataSource.options))
  return dataSource.migrations
    .map(migrationNameOf)
    .filter((name) => !applied.has(name))
}

/** unappliedText is the sentence that tells what unapplied migrations mean and what to do. */
export function unappliedText(names: readonly string[]): string {
  const listed = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`
  return `${names.length} migration${names.length === 1 ? ' is' : 's are'} not applied to the database yet (${listed}): run \`typeorm-autogen upgrade\` first, or the new migration repeats their changes`
}

/** refuseUnapplied stops `generate` on a database that is behind its migrations folder, as Alembic does. */
export function refuseUnapplied(names: readonly string[]): void {
  if (names.length > 0) throw new UserError(unappliedText(names))
}
