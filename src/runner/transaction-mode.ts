import type { DataSource } from 'typeorm'
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
