import type { DataSource, MigrationInterface } from 'typeorm'
import { UserError } from '../source/user-error'

/** TransactionMode is how TypeORM's runner wraps migrations in transactions. */
export type TransactionMode = 'all' | 'each' | 'none'

const modes: readonly TransactionMode[] = ['all', 'each', 'none']

/**
 * transactionModeOf is the DataSource's migrationsTransactionMode, `each` when unset. Another value is refused:
 * TypeORM's runner would run every migration without a transaction.
 */
export function transactionModeOf(dataSource: DataSource): TransactionMode {
  const mode: unknown = dataSource.options.migrationsTransactionMode ?? 'each'
  if (modes.includes(mode as TransactionMode)) return mode as TransactionMode
  throw new UserError(`the DataSource's migrationsTransactionMode is ${JSON.stringify(mode)}, which TypeORM's runner reads as no transaction at all: set it to "all", "each" or "none"`)
}

/**
 * revertsInTransaction says whether reverting `migration` runs in a transaction: its own `transaction` wins, as
 * it does when TypeORM's runner applies it (`transaction = false` for `DROP INDEX CONCURRENTLY`, which no
 * transaction may hold), though TypeORM's undoLastMigration reads only the DataSource's mode.
 */
export function revertsInTransaction(mode: TransactionMode, migration: MigrationInterface | undefined): boolean {
  return migration?.transaction ?? mode !== 'none'
}
