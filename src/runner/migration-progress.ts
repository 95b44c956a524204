import type { DataSource, QueryRunner } from 'typeorm'
import { dialectFor } from '../dialect/dialect-for'
import { UserError, messageOf } from '../source/user-error'
import { afterEachCommit } from './after-commit'
import { withFailingStatement } from './failing-statement'
import { migrationNameOf } from '../source/migration-name'
import { transactionModeOf } from './transaction-mode'
import { wrapMigration } from './wrap-migration'

/** MigrationDone is told each migration TypeORM has run and recorded, once the transaction it ran in (if any) committed, with the time it took. */
export type MigrationDone = (name: string, direction: 'up' | 'down', ms: number) => void

/**
 * reportProgress has every migration of an opened DataSource (see openForMigrations) tell `done` when TypeORM
 * has run and recorded it, and makes a failure say what it left behind: in a transaction, nothing (it was
 * rolled back); without one, or where transactions cannot hold schema changes, the statements it ran before
 * the failing one, which stay done.
 */
export function reportProgress(dataSource: DataSource, done: MigrationDone): void {
  const started = new Map<string, number>()
  const oneTransaction = transactionModeOf(dataSource) === 'all'
  const dialect = dialectFor(dataSource.options)
  const transactionalDdl = dialect.capabilities.transactionalDdl
  // In one transaction for the run, the migrations done so far, and those a later part of a change committed.
  const completed: string[] = []
  let committed: { readonly names: readonly string[]; readonly by: string } | undefined
  const untilCommit = transactionalDdl ? heldUntilCommit() : undefined
  const logger = dataSource.logger
  const logSchemaBuild = logger.logSchemaBuild.bind(logger)
  // TypeORM says so once the record is written and the migration's own transaction, if any, committed.
  logger.logSchemaBuild = (message, queryRunner) => {
    // TypeORM before 0.3.20 writes two spaces before the word.
    const finished = /^Migration (.+) has been\s+(executed|reverted) successfully\.$/.exec(message)
    const name = finished?.[1]
    if (name !== undefined && started.has(name)) {
      const report = () => done(name, finished![2] === 'executed' ? 'up' : 'down', performance.now() - started.get(name)!)
      if (untilCommit?.holds()) untilCommit.hold(report)
      else report()
    }
    logSchemaBuild(message, queryRunner)
  }
  for (const migration of dataSource.migrations) {
    const name = migrationNameOf(migration)
    for (const direction of ['up', 'down'] as const) {
      wrapMigration(migration, direction, (run) => async (queryRunner) => {
        started.set(name, performance.now())
        untilCommit?.watch(queryRunner)
        const inTransaction = queryRunner.isTransactionActive
        const ran = recordQueries(queryRunner, dialect.onlyReadRows)
        let leftTransaction = false
        const restoreCommit = afterEachCommit(queryRunner, () => {
          leftTransaction = true
          if (completed.length > 0) committed = { names: [...completed], by: name }
        })
        try {
          await run(queryRunner)
          completed.push(name)
        } catch (err) {
          const left = !transactionalDdl ? partlyMigrated(inTransaction, oneTransaction ? completed : [], ran)
            : inTransaction && leftTransaction && ran.outsideTransaction ? leftItsTransaction(oneTransaction ? committed : undefined, ran)
            : oneTransaction ? oneTransactionRolledBack(committed)
            : leftBehind(inTransaction, ran)
          throw new UserError(`${messageOf(withFailingStatement(err))}; ${left}`, { cause: err })
        } finally {
          restoreCommit()
          ran.stop()
        }
      })
    }
  }
}

/**
 * heldUntilCommit holds back the report of a migration done while the transaction it ran in is still open (a
 * run in one transaction, `migrationsTransactionMode: 'all'`) until that transaction commits: a later
 * migration's failure rolls it back, and then it was never applied. Where transactions cannot hold schema
 * changes, each schema change commits at once, so reports are not held.
 */
function heldUntilCommit(): { watch(queryRunner: QueryRunner): void; holds(): boolean; hold(report: () => void): void } {
  const watched = new WeakSet<QueryRunner>()
  let current: QueryRunner | undefined
  let held: (() => void)[] = []
  return {
    watch(queryRunner) {
      current = queryRunner
      if (watched.has(queryRunner)) return
      watched.add(queryRunner)
      afterEachCommit(queryRunner, () => {
        const reports = held
        held = []
        for (const report of reports) report()
      })
    },
    holds: () => current?.isTransactionActive === true,
    hold: (report) => void held.push(report),
  }
}

/**
 * oneTransactionRolledBack says what a run in one transaction left behind: nothing, but the migrations a later
 * part of a change committed before it ran (it uses what the part before added, which needs that commit).
 */
function oneTransactionRolledBack(committed: { readonly names: readonly string[]; readonly by: string } | undefined): string {
  if (committed === undefined) return 'the run\'s one transaction was rolled back, so no migration of this run stays applied'
  const many = committed.names.length > 1
  return `the run's one transaction was rolled back, but ${committed.names.join(', ')} ${many ? 'stay' : 'stays'} applied: ${committed.by}, ` +
    `the later part of a change, committed ${many ? 'them' : 'it'} before it ran, to use what the part before added`
}

/**
 * RanStatements are the statements a migration completed, and how many of them it had completed when a statement
 * last failed: the failure it stops on (one it caught and went on from came before).
 */
interface RanStatements {
  readonly statements: readonly string[]
  readonly beforeFailure: number | undefined
  /** Whether a statement ran with no transaction open (one the migration committed first, to run outside it). */
  readonly outsideTransaction: boolean
}

/**
 * recordQueries lists the statements `queryRunner` completes until stopped, but those whose result shows they
 * only read rows (see Dialect.onlyReadRows), and where the last one that failed came.
 */
function recordQueries(queryRunner: QueryRunner, onlyReadRows: (result: unknown) => boolean = () => false): RanStatements & { stop(): void } {
  const statements: string[] = []
  let beforeFailure: number | undefined
  let outsideTransaction = false
  const query = queryRunner.query
  queryRunner.query = async (...args: Parameters<QueryRunner['query']>) => {
    if (!queryRunner.isTransactionActive) outsideTransaction = true
    try {
      const result = await query.apply(queryRunner, args)
      if (!onlyReadRows(result)) statements.push(args[0])
      return result
    } catch (err) {
      beforeFailure = statements.length
      throw err
    }
  }
  return {
    statements,
    get beforeFailure() { return beforeFailure },
    get outsideTransaction() { return outsideTransaction },
    stop: () => void (queryRunner.query = query),
  }
}

/**
 * leftItsTransaction is what a migration that committed the transaction it began in, to run its statements
 * outside one (an index built without blocking writes, see `generate --online`), left behind: what ran before it,
 * which that commit kept, and the statements it ran before the failing one.
 */
function leftItsTransaction(committed: { readonly names: readonly string[] } | undefined, ran: RanStatements): string {
  const kept = committed === undefined ? '' : `; ${committed.names.join(', ')}, run before it in this run, ${committed.names.length === 1 ? 'stays' : 'stay'} applied, committed by it`
  const own = ran.statements.length === 0 ? 'it had run no statement before' : statementsLeft(ran)
  return `it committed the transaction it began in and ran its statements outside one, so ${own}${kept}; fix the cause, then run it again${notDowngrade}`
}

function leftBehind(inTransaction: boolean, ran: RanStatements): string {
  const { statements } = ran
  if (inTransaction) return 'its transaction was rolled back, so the database is as it was before it'
  if (statements.length === 0) return 'it ran without a transaction and had run no statement before'
  return `it ran without a transaction: ${statementsLeft(ran)}`
}

/**
 * partlyMigrated is what a failed migration left behind on a database whose transactions cannot hold schema
 * changes: each schema change commits the transaction it runs in, and what follows it runs without one (each
 * statement committed as it ran), so a rollback undoes writes only where no schema change ran before them.
 * `earlier` are the migrations run before it in the same transaction, which are concerned too.
 */
function partlyMigrated(inTransaction: boolean, earlier: readonly string[], ran: RanStatements): string {
  const { statements } = ran
  const undo = `undo or finish ${statements.length + earlier.length === 1 ? 'it' : 'these'} by hand`
  if (!inTransaction) {
    if (statements.length === 0) return 'it ran without a transaction and had run no statement before, so the database is as it was before it'
    return `it ran without a transaction: ${statementsLeft(ran)}; the database is now partly migrated: fix the cause, ${undo}, then run again${notDowngrade}`
  }
  if (statements.length === 0 && earlier.length === 0) return 'it had run no statement before, and its transaction was rolled back, so the database is as it was before it'
  const own = statements.length === 0 ? 'it had run no statement before'
    : `${statementsLeft(ran)}, writes too, unless ${noneChangedTheSchema(statements)} (then its transaction rolled ${statements.length === 1 ? 'its' : 'their'} writes back)`
  const inOneTransaction = `${earlier.join(', ')}, run before it in this run's one transaction`
  const others = earlier.length === 0 ? ''
    : statements.length === 0 ? `; ${inOneTransaction}, ${earlier.length === 1 ? 'stays' : 'stay'} done, unless ${noneChangedTheSchema(earlier)}`
    : `; so ${earlier.length === 1 ? 'does' : 'do'} ${inOneTransaction}, unless ${noneChangedTheSchema(earlier)} either`
  return `this database cannot roll back schema changes: each commits the transaction it runs in, and what follows one runs without a transaction, so ${own}${others}; `
    + `the database may now be partly migrated: check it, ${undo}, then run again${notDowngrade}`
}

// A failed migration is not recorded: downgrade would revert the one before it, which did not fail.
const notDowngrade = ' (not with `downgrade`, which reverts the last migration recorded as applied, not this one)'

function noneChangedTheSchema(done: readonly unknown[]): string {
  return done.length === 1 ? 'it did not change the schema' : 'none of them changed the schema'
}

/**
 * statementsLeft names the statements a failed migration completed, which stay done: those it ran after its
 * failing statement (a `finally` that restores a setting, a `catch` that cleans up) are told apart.
 */
function statementsLeft(ran: RanStatements): string {
  const { statements } = ran
  const text = (list: readonly string[]) => list.map((sql) => sql.replace(/\s+/g, ' ').trim()).join('; ')
  const count = (n: number) => `${n} statement${n === 1 ? '' : 's'}`
  const stay = statements.length === 1 ? 'stays' : 'stay'
  const split = ran.beforeFailure ?? statements.length
  if (split === statements.length) return `the ${count(statements.length)} it ran before ${stay} done: ${text(statements)}`
  const before = statements.slice(0, split)
  const after = statements.slice(split)
  return `the ${count(statements.length)} it ran ${stay} done: ${before.length === 0 ? 'none' : `${before.length}`} before the failing one` +
    `${before.length === 0 ? '' : `: ${text(before)}`}, and ${after.length} after it, in its own error handling: ${text(after)}`
}
