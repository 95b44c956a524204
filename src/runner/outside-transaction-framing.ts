import type { DataSource } from 'typeorm'
import { wrapMigration } from './wrap-migration'

/**
 * frameMigrationsOutsideTransactions has each migration that TypeORM's runner applies outside a transaction
 * (migrationsTransactionMode `none`, or its own `transaction = false`) run between the driver's
 * beforeMigration and afterMigration, as it runs one in a transaction: TypeORM calls them only where it begins
 * one, so where the driver turns foreign key checks off in them, such a migration ran with them on, and the
 * DROP TABLE of a table it rebuilt deleted the rows of every table whose key on it says ON DELETE CASCADE.
 * Call it on an initialized DataSource.
 */
export function frameMigrationsOutsideTransactions(dataSource: DataSource): void {
  for (const migration of dataSource.migrations) {
    wrapMigration(migration, 'up', (up) => async (queryRunner) => {
      if (queryRunner.isTransactionActive) return up(queryRunner)
      await queryRunner.beforeMigration()
      try {
        await up(queryRunner)
      } finally {
        await queryRunner.afterMigration()
      }
    })
  }
}
