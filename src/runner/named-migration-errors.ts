import type { DataSource } from 'typeorm'
import { migrationNameOf } from '../source/migration-name'
import { wrapMigration } from './wrap-migration'

/**
 * nameMigrationErrors makes an error thrown by a migration's `up` or `down` name the migration and the
 * direction (`migration AddAge1700000000000 failed in down: ...`), and keeps TypeORM from also printing it:
 * its logger writes every migration failure to the console whatever the `logging` option, and the CLI prints
 * the error itself. Call it on an initialized DataSource.
 */
export function nameMigrationErrors(dataSource: DataSource): void {
  const logger = dataSource.logger
  const logMigration = logger.logMigration.bind(logger)
  logger.logMigration = (message, queryRunner) => {
    if (!/^Migrations?\b.* failed, error: /.test(message)) logMigration(message, queryRunner)
  }
  for (const migration of dataSource.migrations) {
    const name = migrationNameOf(migration)
    for (const direction of ['up', 'down'] as const) {
      wrapMigration(migration, direction, (run) => (queryRunner) => run(queryRunner).catch((err: unknown) => {
        const reason = err instanceof Error ? err.message : String(err)
        throw new Error(`migration ${name} failed in ${direction}: ${reason}`, { cause: err })
      }))
    }
  }
}
