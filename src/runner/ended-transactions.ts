import { type DataSource, TransactionNotStartedError } from 'typeorm'
import { migrationNameOf } from '../source/migration-name'
import { UserError } from '../source/user-error'
import { transactionModeOf } from './transaction-mode'
import { wrapMigration } from './wrap-migration'

interface RunSoFar {
  /** The migrations run so far on the DataSource, in order. */
  readonly done: string[]
  /** The one that committed the transaction it ran in and began none again, and where it is in `done`. */
  ended?: { readonly name: string; readonly direction: 'up' | 'down'; readonly at: number }
}

const runs = new WeakMap<DataSource, RunSoFar>()

/**
 * watchEndedTransactions notes the migration of an opened DataSource (see openForMigrations) that commits the
 * transaction TypeORM's runner began for it and begins none again (one that commits its schema changes to run
 * application code on them). The runner records it, then finds no transaction to commit and fails with
 * "Transaction is not started yet", which names nothing: see explainEndedTransaction.
 */
export function watchEndedTransactions(dataSource: DataSource): void {
  const run: RunSoFar = { done: [] }
  runs.set(dataSource, run)
  for (const migration of dataSource.migrations) {
    const name = migrationNameOf(migration)
    for (const direction of ['up', 'down'] as const) {
      wrapMigration(migration, direction, (migrate) => async (queryRunner) => {
        const inTransaction = queryRunner.isTransactionActive
        await migrate(queryRunner)
        if (inTransaction && !queryRunner.isTransactionActive && run.ended === undefined) run.ended = { name, direction, at: run.done.length }
        run.done.push(name)
      })
    }
  }
}

/**
 * explainEndedTransaction turns the error TypeORM's runner fails with after a migration ended its transaction
 * (see watchEndedTransactions) into one that names that migration and says what stays done; any other error is
 * returned as it is.
 */
export function explainEndedTransaction(dataSource: DataSource, err: unknown): unknown {
  const run = runs.get(dataSource)
  if (!(err instanceof TransactionNotStartedError) || run?.ended === undefined) return err
  const { name, direction, at } = run.ended
  // Run in one transaction (migrationsTransactionMode `all`), those before it were committed by its commit, and
  // those after it ran with none; run each in its own, it is the last one run, and those before it committed theirs.
  const oneTransaction = direction === 'up' && transactionModeOf(dataSource) === 'all'
  const before = oneTransaction ? run.done.slice(0, at) : []
  const after = run.done.slice(at + 1)
  const others = [
    ...before.length === 0 ? [] : [`${before.join(', ')}, run before it in the transaction it committed`],
    ...after.length === 0 ? [] : [`${after.join(', ')}, run after it without a transaction`],
  ]
  const done = direction === 'up' ? 'stays applied and recorded' : 'stays reverted, its record removed'
  const also = others.length === 0 ? '' : `, and so ${before.length + after.length === 1 ? 'does' : 'do'} ${others.join(', and ')}`
  return new UserError(
    `migration ${name} committed in ${direction} the transaction TypeORM's runner began for it and began none again, ` +
    `so the runner failed to commit it (${err.message.replace(/\.$/, '')}): ${name} ${done}${also}, and the run stopped there; ` +
    `begin a transaction again after its commit (await queryRunner.startTransaction()), then run again`,
    { cause: err },
  )
}
