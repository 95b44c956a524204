import { type DataSource, type Migration, MigrationExecutor, type QueryRunner } from 'typeorm'
import { probedMigrationsTable } from './unreadable-migrations-table'

/**
 * migrationExecutor is TypeORM's MigrationExecutor for reading which migrations are applied, telling a
 * migrations table the user cannot read from none. TypeORM asks information_schema whether the table exists,
 * which does not list a table the user has no rights on: it then took every migration for pending (and
 * `upgrade --sql` created the table again). Where the catalog lists no table, it is probed (see
 * probedMigrationsTable), and only there: reading an existing table costs no query more.
 */
export function migrationExecutor(dataSource: DataSource): MigrationExecutor {
  return new ProbingExecutor(dataSource)
}

class ProbingExecutor extends MigrationExecutor {
  // Kept apart: TypeORM 0.3's executor names it `connection`, 1.x's `dataSource`.
  constructor(private readonly source: DataSource) {
    super(source)
  }

  // TypeORM's own, before 0.3.20, released its query runner without awaiting the callback, whose queries then
  // failed ("Query runner already released") and left the run hanging.
  protected override async withQueryRunner<T>(callback: (queryRunner: QueryRunner) => T | Promise<T>): Promise<T> {
    const queryRunner = this.source.createQueryRunner()
    try {
      return await callback(probingHasTable(this.source, queryRunner))
    } finally {
      await queryRunner.release()
    }
  }

  // TypeORM 0.3.0 to 0.3.28 creates its migrations table to read it: status, history, `--sql` and `--dry-run` made
  // it in the database they were only to read. Where it is absent, no migration is applied, as later TypeORM says.
  override async getExecutedMigrations(): Promise<Migration[]> {
    const { migrationsTable } = this as unknown as { readonly migrationsTable: string }
    return this.withQueryRunner(async (queryRunner) =>
      (await queryRunner.hasTable(migrationsTable)) ? this.loadExecutedMigrations(queryRunner) : [])
  }
}

/** probingHasTable is `queryRunner` whose hasTable probes a table its catalog does not list (the runner itself is left as it is). */
function probingHasTable(dataSource: DataSource, queryRunner: QueryRunner): QueryRunner {
  const hasTable: QueryRunner['hasTable'] = async (table) =>
    (await queryRunner.hasTable(table)) || probedMigrationsTable(dataSource, () => unlogged(dataSource, queryRunner, () =>
      queryRunner.manager.createQueryBuilder().select('1').from(typeof table === 'string' ? table : table.name, 'probe').where('1 = 0').getRawMany()))
  return new Proxy(queryRunner, { get: (target, key) => (key === 'hasTable' ? hasTable : Reflect.get(target, key, target)) })
}

/**
 * unlogged runs `query` on `queryRunner` with the DataSource's logger not logging its failure: the probe of a
 * migrations table that is absent (every new database's first `upgrade`) fails as expected, and a DataSource
 * logging errors (`logging: ['error']`) printed it as `query failed: ... relation "migrations" does not exist`.
 * Failures of other query runners are logged as before.
 */
async function unlogged<T>(dataSource: DataSource, queryRunner: QueryRunner, query: () => Promise<T>): Promise<T> {
  const logger = dataSource.logger
  const own = Object.getOwnPropertyDescriptor(logger, 'logQueryError')
  const logQueryError = logger.logQueryError
  logger.logQueryError = function (this: typeof logger, error, sql, parameters, runner) {
    if (runner !== queryRunner) return logQueryError.call(this, error, sql, parameters, runner)
  }
  try {
    return await query()
  } finally {
    if (own) Object.defineProperty(logger, 'logQueryError', own)
    else delete (logger as Partial<typeof logger>).logQueryError
  }
}
