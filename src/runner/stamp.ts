import type { DataSource } from 'typeorm'
import type { LoadedProject } from '../source/load-config'
import { UserError } from '../source/user-error'
import { migrationNameOf } from '../source/migration-name'
import { type ConnectionUse, databaseIsAbsent, recordedState, withConnection } from './migration-runner'
import { recordMigrations } from './record-migrations'
import { migrationExecutor } from './migration-executor'
import { inRunOrder, namesBase, resolveMigrationName } from './migration-target'
import { type LockWait, withRunnerLock } from './runner-lock'

/** StampPlan is what `stamp NAME` is about to record, before it records it; for `stamp base`, that every record goes. */
export type StampPlan = MigrationStampPlan | { readonly base: true }

/** MigrationStampPlan is the plan of `stamp NAME`. */
export interface MigrationStampPlan {
  readonly base?: false
  /** The migration NAME names. */
  readonly target: string
  /** The pending migrations up to it, in order: those recorded as applied. */
  readonly toRecord: readonly string[]
  /** The applied migrations after it, newest first: those whose records are removed (stamping back, as Alembic's stamp does). */
  readonly toRemove: readonly string[]
  /** The project's newest migration: when it is the target, nothing is pending once stamped. */
  readonly newest: string
}

/** StampOptions: with `dryRun`, `stamp` and `unstamp` check and answer as usual but change nothing. */
export interface StampOptions {
  readonly dryRun?: boolean
  /** How long a stamp that writes waits for the migrations lock an upgrade or downgrade holds (see withRunnerLock). */
  readonly lockWait?: LockWait
}

/**
 * StampResult is the migration `stamp NAME` named and those it recorded, none when it was applied already or
 * `verify` refused; for `stamp base`, `removed` lists the migrations whose records it removed.
 */
export interface StampResult {
  readonly target: string
  readonly recorded: readonly string[]
  readonly removed?: readonly string[]
  readonly refused: boolean
  /** The database did not exist: recording created it. */
  readonly created?: boolean
}

/**
 * stamp records the project's pending migrations up to `target` as applied without running them (as TypeORM's
 * fake run does; see recordMigrations), and, where `target` is applied and migrations after it are too, removes their records, so that
 * the database is recorded at `target` as Alembic's stamp leaves it; unless `verify` refuses the plan.
 */
export async function stamp(project: LoadedProject, target: string, verify: (plan: StampPlan) => Promise<boolean>, options: StampOptions = {}): Promise<StampResult> {
  if (options.dryRun === true) return stampOn(project, target, verify, options, 'reads')
  if (!databaseIsAbsent(project)) return whileLocked(project, options, () => stampOn(project, target, verify, options, 'stamps'))
  // A database that does not exist yet is made only to record in it: not when the plan is refused or records nothing.
  const planned = await stampOn(project, target, verify, { dryRun: true }, 'reads')
  if (planned.refused || planned.recorded.length === 0) return planned
  return { ...(await whileLocked(project, options, () => stampOn(project, target, () => Promise.resolve(true), options, 'stamps'))), created: true }
}

/** whileLocked runs a stamp that writes holding the migrations lock, taking its turn with upgrade and downgrade; a dry run takes none. */
function whileLocked<T>(project: LoadedProject, options: StampOptions, work: () => Promise<T>): Promise<T> {
  return options.dryRun === true ? work() : withRunnerLock(project, options.lockWait ?? {}, work)
}

async function stampOn(project: LoadedProject, target: string, verify: (plan: StampPlan) => Promise<boolean>, options: StampOptions, use: ConnectionUse): Promise<StampResult> {
  return withConnection(project, async (dataSource) => {
    const inProject = inRunOrder(dataSource.migrations.map(migrationNameOf))
    if (namesBase(target, inProject)) return unstampAll(dataSource, verify, options)
    const name = resolveMigrationName(target, inProject)
    const { pending, applied } = await recordedState(dataSource)
    if (!pending.includes(name)) return stampBack(dataSource, name, { pending, applied }, inProject, verify, options)
    const plan = { target: name, toRecord: pending.slice(0, pending.indexOf(name) + 1), toRemove: [], newest: inProject.at(-1)! }
    if (!(await verify(plan))) return { target: name, recorded: [], refused: true }
    if (options.dryRun === true) return { target: name, recorded: plan.toRecord, refused: false }
    await recordMigrations(dataSource, plan.toRecord)
    return { target: name, recorded: plan.toRecord, refused: false }
  }, use)
}

/** unstampAll is `stamp base`: it removes every record of the migrations table (TypeORM reads them newest first), running nothing. */
async function unstampAll(dataSource: DataSource, verify: (plan: StampPlan) => Promise<boolean>, options: StampOptions): Promise<StampResult> {
  const executor = migrationExecutor(dataSource)
  const records = await executor.getExecutedMigrations()
  const removed = records.map((record) => record.name)
  if (records.length === 0) return { target: 'base', recorded: [], removed, refused: false }
  if (!(await verify({ base: true }))) return { target: 'base', recorded: [], removed: [], refused: true }
  if (options.dryRun !== true) for (const record of records) await executor.deleteMigration(record)
  return { target: 'base', recorded: [], removed, refused: false }
}

/**
 * stampBack is `stamp NAME` of an applied migration: it records the pending migrations before NAME (one a merge of
 * two branches left behind a newer applied one) and removes the records of those applied after it, newest first,
 * running nothing.
 */
async function stampBack(
  dataSource: DataSource, name: string, recorded: { readonly pending: readonly string[]; readonly applied: readonly string[] }, inProject: readonly string[],
  verify: (plan: StampPlan) => Promise<boolean>, options: StampOptions,
): Promise<StampResult> {
  const inOrder = inRunOrder(recorded.applied)
  const toRemove = inOrder.slice(inOrder.indexOf(name) + 1).reverse()
  const toRecord = recorded.pending.filter((pending) => inProject.indexOf(pending) < inProject.indexOf(name))
  if (toRemove.length === 0 && toRecord.length === 0) return { target: name, recorded: [], refused: false }
  if (!(await verify({ target: name, toRecord, toRemove, newest: inProject.at(-1)! }))) return { target: name, recorded: [], removed: [], refused: true }
  if (options.dryRun !== true) {
    if (toRecord.length > 0) await recordMigrations(dataSource, toRecord)
    const executor = migrationExecutor(dataSource)
    const records = await executor.getExecutedMigrations()
    for (const removed of toRemove) await executor.deleteMigration(records.find((record) => record.name === removed)!)
  }
  return { target: name, recorded: toRecord, removed: toRemove, refused: false }
}

/** Unstamped is the migration whose record unstamp removed, and whether the project has it (upgrade can run it). */
export interface Unstamped {
  readonly name: string
  readonly inProject: boolean
}

/** unstamp removes the migrations table's record of `target`, running nothing. */
export async function unstamp(project: LoadedProject, target: string, options: StampOptions = {}): Promise<Unstamped> {
  return whileLocked(project, options, () => withConnection(project, async (dataSource) => {
    const executor = migrationExecutor(dataSource)
    const executed = await executor.getExecutedMigrations()
    const { pending } = await recordedState(dataSource)
    const name = resolveMigrationName(target, [...executed.map((m) => m.name), ...pending])
    const record = executed.find((m) => m.name === name)
    if (record === undefined) throw new UserError(`${name} is not recorded as applied: stamp --delete removes the record of an applied migration (see \`typeorm-autogen status\`)`)
    if (options.dryRun !== true) await executor.deleteMigration(record)
    return { name, inProject: dataSource.migrations.some((m) => migrationNameOf(m) === name) }
  }, 'reads'))
}
