import { DataSource, MigrationExecutor, type MigrationInterface, type QueryRunner } from 'typeorm'
import { migrationExecutor } from '../../src/runner/migration-executor'
import { recordedState } from '../../src/runner/migration-runner'
import { type TestDatabase, bothDialects } from '../support/test-database'

// TypeORM 0.3.0 to 0.3.28 (sogeBot pins 0.3.21) creates its migrations table to read which migrations are
// applied: `status`, `current`, `history`, `upgrade --dry-run` and `upgrade --sql` made the table in a database that lacked
// it (a user who may not create tables got an error), and the script `--sql` printed then left out its
// CREATE TABLE, failing on a fresh database with "no such table: migrations". Its getExecutedMigrations is put
// back here as those versions have it, on the TypeORM of this repository.

class Init1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.query('CREATE TABLE note (id integer PRIMARY KEY)') }
  async down(queryRunner: QueryRunner) { await queryRunner.query('DROP TABLE note') }
}

type Executor = { withQueryRunner<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> } & Record<'createMigrationsTableIfNotExist' | 'loadExecutedMigrations', (runner: QueryRunner) => Promise<unknown>>

const ownGetExecuted = Object.getOwnPropertyDescriptor(MigrationExecutor.prototype, 'getExecutedMigrations')!
beforeAll(() => {
  MigrationExecutor.prototype.getExecutedMigrations = async function (this: MigrationExecutor) {
    const executor = this as unknown as Executor
    return executor.withQueryRunner(async (runner) => {
      await executor.createMigrationsTableIfNotExist(runner)
      return executor.loadExecutedMigrations(runner)
    }) as ReturnType<MigrationExecutor['getExecutedMigrations']>
  }
})
afterAll(() => Object.defineProperty(MigrationExecutor.prototype, 'getExecutedMigrations', ownGetExecuted))

describe.each(bothDialects('read_no_mtable'))('%s', (_label, create) => {
  let db: TestDatabase
  let dataSource: DataSource
  beforeAll(async () => {
    db = await create()
    dataSource = await new DataSource({ ...db.options, migrations: [Init1700000000000] } as ConstructorParameters<typeof DataSource>[0]).initialize()
  })
  afterAll(async () => {
    await dataSource?.destroy()
    await db?.drop()
  })

  const hasMigrationsTable = async () => {
    const runner = dataSource.createQueryRunner()
    try {
      return await runner.hasTable('migrations')
    } finally {
      await runner.release()
    }
  }

  test('reading which migrations are applied leaves a database without a migrations table as it is', async () => {
    expect(await recordedState(dataSource)).toEqual({ pending: ['Init1700000000000'], applied: [] })
    expect(await migrationExecutor(dataSource).getExecutedMigrations()).toEqual([])
    expect(await hasMigrationsTable()).toBe(false)
  })

  test('where the table exists, its records are read', async () => {
    await dataSource.runMigrations()
    expect(await recordedState(dataSource)).toEqual({ pending: [], applied: ['Init1700000000000'] })
  })
})
