import type { DataSource } from 'typeorm'
import type { MigrationTimeouts } from '../dialect/dialect'
import { dialectFor } from '../dialect/dialect-for'
import { UserError } from '../source/user-error'
import { afterEachCommit } from './after-commit'
import { wrapMigration } from './wrap-migration'

/**
 * boundMigrations has every migration of an opened DataSource (see openForMigrations) run under `timeouts`
 * (Dialect.timeoutStatements): a statement that waits or runs longer fails, and the migration with it.
 */
export function boundMigrations(dataSource: DataSource, timeouts: MigrationTimeouts): void {
  if (timeouts.lockMs === undefined && timeouts.statementMs === undefined) return
  const statements = dialectFor(dataSource.options).timeoutStatements
  if (statements === undefined) throw new UserError('this database has no lock or statement timeouts: leave --lock-timeout and --statement-timeout out')
  for (const migration of dataSource.migrations) {
    for (const direction of ['up', 'down'] as const) {
      wrapMigration(migration, direction, (run) => async (queryRunner) => {
        const { set, reset } = statements(timeouts, queryRunner.isTransactionActive)
        for (const sql of set) await queryRunner.query(sql)
        // A migration that commits the transaction it began in (to run outside one, or to use what the part
        // before it added) ends the settings that transaction held: they are set again for the session.
        const outside = statements(timeouts, false)
        let committed = false
        const restoreCommit = afterEachCommit(queryRunner, async () => {
          if (committed) return
          committed = true
          for (const sql of outside.set) await queryRunner.query(sql)
        })
        try {
          await run(queryRunner)
        } finally {
          restoreCommit()
        }
        for (const sql of committed ? outside.reset : reset) await queryRunner.query(sql)
      })
    }
  }
}
