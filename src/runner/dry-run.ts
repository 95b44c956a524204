import { type DataSource, MigrationExecutor, type QueryRunner } from 'typeorm'
import { dialectFor } from '../dialect/dialect-for'
import type { LoadedProject } from '../source/load-config'
import { UserError, messageOf } from '../source/user-error'
import { withFailingStatement } from './failing-statement'
import { type BeforeDowngrade, type BeforeUpgrade, deferredConnectionSetup, knownMigrations, recordedState, revertible, withConnection } from './migration-runner'
import { migrationNameOf } from '../source/migration-name'
import type { ExecutorSteps, TypeormMigration } from './migration-script'
import { type DowngradeTarget, type UpgradeTarget, planUpgrade } from './run-plan'
import { refuseTransactionModeOverrides } from './transaction-mode-overrides'
import { createMigrationsTableSchema } from './migrations-table-schema'
import { boundMigrations } from './migration-timeouts'
import type { MigrationTimeouts } from '../dialect/dialect'
import { transactionModeOf } from './transaction-mode'

/** DryRun is what `upgrade --dry-run` or `downgrade --dry-run` ran, then rolled back, and what it left out. */
export interface DryRun {
  /** The migrations run (their `up`, or `down`) and recorded, in order, all rolled back. */
  readonly ran: readonly string[]
  /** Those a transaction cannot hold (their `transaction = false`): not run, since they could not be undone. */
  readonly skipped: readonly string[]
  /**
   * The migration that commits what ran before it (a later part of one change, using the enum values an
   * earlier part added), and those after it: not run, as a dry run cannot commit. Empty when none did.
   */
  readonly untried: readonly string[]
}

/** CommitAsked stops a dry run where a migration commits: what follows needs that commit. */
class CommitAsked extends Error {}

/**
 * dryRunUpgrade runs the pending migrations up to `target`, and their records in TypeORM's migrations table,
 * inside one transaction that it then rolls back, so that their errors surface and nothing changes; each
 * statement under `timeouts`, as upgrade runs it.
 */
export async function dryRunUpgrade(
  project: LoadedProject, target: UpgradeTarget, timeouts: MigrationTimeouts = {}, beforeRun?: BeforeUpgrade,
): Promise<DryRun> {
  return withConnection(project, async (dataSource) => {
    boundMigrations(dataSource, timeouts)
    const { pending, applied } = await recordedState(dataSource)
    const toRun = planUpgrade(pending, applied, target)
    // Refused before the warnings about the run, which it will not make.
    if (toRun.length > 0) refuseWithoutTransactionalDdl(dataSource)
    beforeRun?.(toRun, applied, knownMigrations(dataSource.migrations.map(migrationNameOf), project.migrationsDir, project.migrationsInSubfolders))
    return inRolledBackTransaction(dataSource, toRun, 'up', (executor, runner, migration) => executor.insertExecutedMigration(runner, migration))
  }, 'records')
}

/** dryRunDowngrade reverts the migrations down to `target`, and deletes their records, in a transaction it rolls back; `beforeRevert` is told them first. */
export async function dryRunDowngrade(
  project: LoadedProject, target: DowngradeTarget, timeouts: MigrationTimeouts = {}, beforeRevert?: BeforeDowngrade,
): Promise<DryRun> {
  return withConnection(project, async (dataSource) => {
    boundMigrations(dataSource, timeouts)
    const toRevert = await revertible(dataSource, target)
    // Refused before the warnings about the run, which it will not make.
    if (toRevert.length > 0) refuseWithoutTransactionalDdl(dataSource)
    if (toRevert.length > 0) await beforeRevert?.(toRevert)
    return inRolledBackTransaction(dataSource, toRevert, 'down', (executor, runner, migration) => executor.deleteExecutedMigration(runner, migration))
  }, 'records')
}

function refuseWithoutTransactionalDdl(dataSource: DataSource): void {
  if (!dialectFor(dataSource.options).capabilities.transactionalDdl) {
    throw new UserError('--dry-run needs a database whose transactions can hold schema changes, and this one cannot: review `--sql` instead')
  }
}

async function inRolledBackTransaction(
  dataSource: DataSource, names: readonly string[], direction: 'up' | 'down',
  record: (executor: ExecutorSteps, runner: QueryRunner, migration: TypeormMigration) => Promise<void>,
): Promise<DryRun> {
  if (names.length === 0) return { ran: [], skipped: [], untried: [] }
  const runner = dataSource.createQueryRunner()
  const executor = new MigrationExecutor(dataSource, runner) as unknown as ExecutorSteps
  const byName = new Map(executor.getMigrations().map((m) => [m.name, m]))
  const ran: string[] = []
  const skipped: string[] = []
  const untried: string[] = []
  try {
    if (direction === 'up') refuseTransactionModeOverrides(transactionModeOf(dataSource), names.map((name) => byName.get(name)!))
    // As TypeORM's runner does, before the transaction begins (SQLite ignores its foreign_keys pragma inside one).
    await runner.beforeMigration()
    await runner.startTransaction()
    // What TypeORM's connect sends (see deferredConnectionSetup), rolled back with the rest; each in a savepoint,
    // as the connect goes on where one fails (an extension the user may not install).
    for (const sql of deferredConnectionSetup(dataSource)) {
      await runner.startTransaction()
      await runner.query(sql).then(() => runner.commitTransaction(), () => runner.rollbackTransaction())
    }
    // A later part of a change commits the parts before it, which a dry run cannot: it stops there.
    const own = Object.assign(runner, {
      commitTransaction: async () => { throw new CommitAsked('a dry run cannot commit') },
      startTransaction: async () => {},
    })
    try {
      await createMigrationsTableSchema(own)
      await executor.createMigrationsTableIfNotExist(own)
      for (const name of names) {
        const migration = byName.get(name)!
        if (migration.instance?.transaction === false) {
          skipped.push(name)
          continue
        }
        try {
          await migration.instance![direction](own)
        } catch (err) {
          if (err instanceof CommitAsked || (err instanceof Error && err.cause instanceof CommitAsked)) {
            untried.push(...names.slice(names.indexOf(name)))
            break
          }
          throw new UserError(`${messageOf(withFailingStatement(err))}; the dry run's transaction was rolled back, so nothing changed`, { cause: err })
        }
        await record(executor, own, migration)
        ran.push(name)
      }
    } finally {
      delete (own as Partial<QueryRunner>).commitTransaction
      delete (own as Partial<QueryRunner>).startTransaction
      await runner.rollbackTransaction()
      await runner.afterMigration()
    }
  } finally {
    await runner.release()
  }
  return { ran, skipped, untried }
}
