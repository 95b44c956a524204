import type { DataSource, Migration, QueryRunner } from 'typeorm'
import { migrationExecutor } from './migration-executor'
import { createMigrationsTableSchema } from './migrations-table-schema'

type RecordingExecutor = { insertExecutedMigration(queryRunner: QueryRunner, migration: Migration): Promise<void> }

/**
 * recordMigrations records the pending migrations named in `toRecord` as applied, running none of them, in one
 * transaction. TypeORM's own fake run (`runMigrations({ fake: true })`) is not used: before 0.3.8 TypeORM ignores
 * `fake` and runs the migrations.
 */
export async function recordMigrations(dataSource: DataSource, toRecord: readonly string[]): Promise<void> {
  const executor = migrationExecutor(dataSource)
  const migrations = (await executor.getPendingMigrations()).filter((m) => toRecord.includes(m.name))
  const runner = dataSource.createQueryRunner()
  try {
    await createMigrationsTableSchema(runner)
    await (executor as unknown as { createMigrationsTableIfNotExist(queryRunner: QueryRunner): Promise<void> }).createMigrationsTableIfNotExist(runner)
    await runner.startTransaction()
    try {
      for (const migration of migrations) await (executor as unknown as RecordingExecutor).insertExecutedMigration(runner, migration)
      await runner.commitTransaction()
    } catch (err) {
      await runner.rollbackTransaction()
      throw err
    }
  } finally {
    await runner.release()
  }
}
