import { ForbiddenTransactionModeOverrideError, type MigrationInterface } from 'typeorm'
import { UserError } from '../source/user-error'
import type { TransactionMode } from './transaction-mode'

/**
 * refuseTransactionModeOverrides stops an upgrade, as TypeORM's runner does, where the DataSource runs every
 * migration in one transaction (`migrationsTransactionMode: 'all'`) and one of `migrations` sets its own
 * `transaction`. The `--sql` script and the dry run refuse them as `upgrade` does.
 */
export function refuseTransactionModeOverrides(mode: TransactionMode, migrations: readonly { readonly name: string; readonly instance?: MigrationInterface }[]): void {
  if (mode !== 'all') return
  const overriding = migrations.filter((m) => m.instance?.transaction !== undefined)
  if (overriding.length === 0) return
  const refusal = new ForbiddenTransactionModeOverrideError(overriding as ConstructorParameters<typeof ForbiddenTransactionModeOverrideError>[0])
  throw new UserError(`${refusal.message}, so TypeORM's runner refuses them: remove their \`transaction\` property, or set the DataSource's migrationsTransactionMode to "each"`)
}
