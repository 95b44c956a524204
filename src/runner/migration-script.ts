import { type DataSource, MigrationExecutor, type MigrationInterface, type QueryRunner } from 'typeorm'
import { dialectFor } from '../dialect/dialect-for'
import type { MigrationScriptSyntax } from '../dialect/dialect'
import type { LoadedProject } from '../source/load-config'
import { UserError } from '../source/user-error'
import { deferredConnectionSetup, recordedState, revertible, withConnection } from './migration-runner'
import { type QueryRecorder, type RecordedCall, failureOnRows, queryRecorder } from './recording-query-runner'
import { type DowngradeTarget, type UpgradeTarget, planUpgrade } from './run-plan'
import { refuseTransactionModeOverrides } from './transaction-mode-overrides'
import { createMigrationsTableSchema } from './migrations-table-schema'
import { type TransactionMode, revertsInTransaction, transactionModeOf } from './transaction-mode'

/** ScriptEntry is one step of a MigrationScript: a statement, or where a migration's part begins or ends. */
export type ScriptEntry =
  | { readonly kind: 'statement'; readonly call: RecordedCall; readonly migration?: string }
  | { readonly kind: 'begin' | 'end'; readonly migration: string }

/**
 * MigrationScript is what `upgrade --sql` and `downgrade --sql` print: every statement TypeORM's runner would
 * send for `migrations`, in order, recorded rather than run.
 */
export interface MigrationScript {
  readonly direction: 'up' | 'down'
  /** Where an offline range starts (`base`, or a migration's name): the script is for a database there, not the connected one's state. */
  readonly from?: string
  readonly migrations: readonly string[]
  /** TypeORM's migrations table as its runner names it in the statements that record the migrations. */
  readonly migrationsTable: string
  readonly transactionMode: TransactionMode
  readonly entries: readonly ScriptEntry[]
}

/** The parts of TypeORM's MigrationExecutor a script or a dry run needs, which its typings keep protected. */
export interface ExecutorSteps {
  readonly migrationsTable: string
  getMigrations(): TypeormMigration[]
  createMigrationsTableIfNotExist(queryRunner: QueryRunner): Promise<void>
  insertExecutedMigration(queryRunner: QueryRunner, migration: TypeormMigration): Promise<void>
  deleteExecutedMigration(queryRunner: QueryRunner, migration: TypeormMigration): Promise<void>
}
export interface TypeormMigration {
  readonly name: string
  readonly instance?: MigrationInterface
}

/**
 * upgradeScript records what `upgrade` to `target` would send, reading only the migrations table to know
 * what is pending: the steps of TypeORM's executePendingMigrations, in its transaction mode.
 */
export async function upgradeScript(project: LoadedProject, target: UpgradeTarget): Promise<MigrationScript> {
  return withConnection(project, async (dataSource) => {
    const { pending, applied } = await recordedState(dataSource, target.from)
    const toRun = planUpgrade(pending, applied, target)
    return record(dataSource, 'up', toRun, startOf(target.from, applied), async ({ runner, executor, mode, migrations, recordPart, setUp, run }) => {
      refuseTransactionModeOverrides(mode, migrations)
      await setUp()
      if (mode === 'all') {
        await runner.beforeMigration()
        await runner.startTransaction()
      }
      for (const migration of migrations) {
        await recordPart(migration.name, async () => {
          const inTransaction = migration.instance?.transaction ?? mode === 'each'
          if (inTransaction && !runner.isTransactionActive) {
            await runner.beforeMigration()
            await runner.startTransaction()
          }
          await run(migration, 'up')
          await executor.insertExecutedMigration(runner, migration)
          if (inTransaction) {
            await runner.commitTransaction()
            await runner.afterMigration()
          }
        })
      }
      if (mode === 'all') {
        await runner.commitTransaction()
        await runner.afterMigration()
      }
    })
  }, 'records')
}

/**
 * downgradeScript records what `downgrade` to `target` would send: for each migration, latest first, the
 * steps of TypeORM's undoLastMigration as `revertLast` runs it (foreign keys turned off before it begins).
 */
export async function downgradeScript(project: LoadedProject, target: DowngradeTarget): Promise<MigrationScript> {
  return withConnection(project, async (dataSource) => {
    const toRevert = await revertible(dataSource, target)
    return record(dataSource, 'down', toRevert, startOf(target.from, (await recordedState(dataSource, target.from)).applied), async ({ runner, executor, mode, migrations, recordPart, setUp, run }) => {
      for (const migration of migrations) {
        await recordPart(migration.name, async () => {
          await runner.beforeMigration()
          await setUp()
          const inTransaction = revertsInTransaction(mode, migration.instance)
          if (inTransaction) await runner.startTransaction()
          await runner.beforeMigration()
          await run(migration, 'down')
          await runner.afterMigration()
          await executor.deleteExecutedMigration(runner, migration)
          if (inTransaction) await runner.commitTransaction()
          await runner.afterMigration()
        })
      }
    })
  }, 'records')
}

/** startOf is where an offline range starts, as the script names it: the newest migration applied there, or base. */
function startOf(from: string | undefined, applied: readonly string[]): string | undefined {
  return from === undefined ? undefined : applied[0] ?? 'base'
}

interface Recording {
  readonly runner: QueryRunner
  readonly executor: ExecutorSteps
  readonly mode: TransactionMode
  /** The migrations to record, in the order they run. */
  readonly migrations: readonly TypeormMigration[]
  /** recordPart marks what `work` records as the part of migration `name`. */
  recordPart(name: string, work: () => Promise<void>): Promise<void>
  /** setUp records the creation of TypeORM's tables (migrations, typeorm_metadata) that the database lacks. */
  setUp(): Promise<void>
  /** run records a migration's `up` or `down`, and which of its queries are checks that must find no rows. */
  run(migration: TypeormMigration, direction: 'up' | 'down'): Promise<void>
}

async function record(dataSource: DataSource, direction: 'up' | 'down', names: readonly string[], from: string | undefined, steps: (recording: Recording) => Promise<void>): Promise<MigrationScript> {
  const syntax = dialectFor(dataSource.options).migrationScript
  const recorder = queryRecorder(dataSource)
  const runner = withMigrationStatements(recorder, syntax)
  // A probe runs the migration again as it ran here, in a transaction or not (see frameMigrationsOutsideTransactions),
  // its afterMigration recording nothing: what it records after the checked query is then the migration's own.
  const recorderWithRowAt = (index: number) => {
    const probe = queryRecorder(dataSource, index)
    withMigrationStatements(probe, syntax)
    Object.assign(probe.runner, { isTransactionActive: runner.isTransactionActive, afterMigration: async () => {} })
    return probe
  }
  const executor = new MigrationExecutor(dataSource, runner) as unknown as ExecutorSteps
  const mode = transactionModeOf(dataSource)
  const ownTables = knowingOwnTables(runner)
  const byName = new Map(executor.getMigrations().map((m) => [m.name, m]))
  const entries: ScriptEntry[] = []
  let taken = 0
  const take = (migration?: string) => {
    for (const call of recorder.calls.slice(taken)) entries.push(migration === undefined ? { kind: 'statement', call } : { kind: 'statement', call, migration })
    taken = recorder.calls.length
  }
  try {
    if (names.length > 0) {
      // What TypeORM's connect sends first (see deferredConnectionSetup), which the script's reader runs too.
      for (const sql of deferredConnectionSetup(dataSource)) recorder.calls.push({ sql, resultRead: false })
      await steps({
        runner, executor, mode,
        migrations: names.map((name) => byName.get(name)!),
        recordPart: async (name, work) => {
          take()
          entries.push({ kind: 'begin', migration: name })
          await work()
          take(name)
          entries.push({ kind: 'end', migration: name })
        },
        setUp: () => setUpTables(dataSource, executor, runner, from, ownTables),
        run: (migration, direction) => runMigration(migration, direction, runner, recorder.calls, recorderWithRowAt),
      })
      take()
    }
  } finally {
    await recorder.release()
  }
  return { direction, ...(from !== undefined && { from }), migrations: names, migrationsTable: executor.migrationsTable, transactionMode: mode, entries }
}

/** withMigrationStatements has the recorder's beforeMigration and afterMigration record what the driver's run. */
function withMigrationStatements(recorder: QueryRecorder, syntax: MigrationScriptSyntax): QueryRunner {
  const { runner } = recorder
  const send = (statements: readonly string[]) => async () => {
    for (const sql of statements) recorder.calls.push({ sql, resultRead: false })
  }
  return Object.assign(runner, { beforeMigration: send(syntax.beforeMigration), afterMigration: send(syntax.afterMigration) })
}

type TableRef = Parameters<QueryRunner['hasTable']>[0]

const tableName = (table: TableRef) => (typeof table === 'string' ? table : table.name)

/**
 * knowingOwnTables has the recording `runner` answer, to a migration asking whether one of TypeORM's own tables
 * exists, what set-up found or made (the set it returns, filled by setUpTables): yes, where the script has it
 * by then. A migration of a project that came from TypeORM 0.2, whose runner made no typeorm_metadata table,
 * creates it itself where it is missing (`createTable(..., true)`): every query recorded getting no rows, it
 * was written again after the script's own, which then failed where `upgrade` runs. Other tables are asked
 * as before: the question is recorded, and gets no rows.
 */
function knowingOwnTables(runner: QueryRunner): Set<string> {
  const present = new Set<string>()
  const recorded = runner.hasTable.bind(runner)
  Object.assign(runner, { hasTable: async (table: TableRef) => present.has(tableName(table)) || recorded(table) })
  return present
}

/**
 * setUpTables records what TypeORM's runner creates before it runs a migration: its migrations table (in its
 * schema, see createMigrationsTableSchema) and, where the entities need it, its typeorm_metadata table, each
 * only when the database lacks it; for a database at the start of an offline range (`from`), the migrations
 * table only when that is base, as a database with a migration applied has it. The tables it finds or makes
 * are added to `present`.
 */
async function setUpTables(dataSource: DataSource, executor: ExecutorSteps, runner: QueryRunner, from: string | undefined, present: Set<string>): Promise<void> {
  const reader = dataSource.createQueryRunner()
  // TypeORM asks whether its tables exist: the database answers, and the question is not part of the script.
  const hasTable = async (table: TableRef) => {
    const found = from !== undefined && table === executor.migrationsTable ? from !== 'base' : await reader.hasTable(table)
    if (found) present.add(tableName(table))
    return found
  }
  const { hasTable: answering, createTable: creating } = runner
  const createTable: QueryRunner['createTable'] = async (table, ...rest) => {
    present.add(table.name)
    return creating.call(own, table, ...rest)
  }
  const own = Object.assign(runner, { hasTable, createTable })
  try {
    await createMigrationsTableSchema(own, reader)
    await executor.createMigrationsTableIfNotExist(own)
    const schemaBuilder = dataSource.driver.createSchemaBuilder() as { createMetadataTableIfNecessary?: (queryRunner: QueryRunner) => Promise<void> }
    await schemaBuilder.createMetadataTableIfNecessary?.(own)
  } finally {
    Object.assign(own, { hasTable: answering })
    delete (own as Partial<QueryRunner>).createTable
    await reader.release()
  }
}

/**
 * runMigration records `migration`'s `direction` on `runner`, whose queries land in `calls`, then asks of each
 * query whose rows it read whether a row would stop it (see failureOnRows), on a recorder like `runner`'s.
 */
async function runMigration(
  migration: TypeormMigration, direction: 'up' | 'down', runner: QueryRunner, calls: readonly RecordedCall[], recorderWithRowAt: (index: number) => QueryRecorder,
): Promise<void> {
  const first = calls.length
  try {
    await migration.instance![direction](runner)
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    throw new UserError(`${migration.name} failed while its ${direction} was recorded (--sql runs no query, so every query it makes gets no rows): ${reason}; run the ${direction === 'up' ? 'upgrade' : 'downgrade'} without --sql on a copy of the database instead`)
  }
  for (const [index, call] of calls.slice(first).entries()) {
    if (call.resultRead) call.failsOnRows = await failureOnRows(recorderWithRowAt(index), migration.instance!, direction, index)
  }
}
