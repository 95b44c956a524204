import { dialectFor } from '../dialect/dialect-for'
import { migrationsTableOf } from '../pipeline/ignored-tables'
import type { LoadedProject } from '../source/load-config'

/** DEFAULT_LOCK_WAIT_MS is how long a run waits for another run's migrations lock by default (README, "Running in production"). */
export const DEFAULT_LOCK_WAIT_MS = 300_000

/** LockWait is how long a run waits for the migrations lock, and whom it tells that it waited. */
export interface LockWait {
  /** Milliseconds; undefined: DEFAULT_LOCK_WAIT_MS. */
  readonly ms?: number
  /** Told when another run holds the lock, before this one waits for it. */
  readonly onWaiting?: () => void
  /** Told, once the lock is held, how long another run kept this one waiting. */
  readonly onWaited?: (waitedMs: number) => void
}

/**
 * withRunnerLock runs `work` holding the migrations lock of the project's database (Dialect.lockRunner), so
 * that concurrent `upgrade` and `downgrade` runs take turns: a second run waits, then reads the migrations
 * table the first one left.
 */
export async function withRunnerLock<T>(project: LoadedProject, wait: LockWait, work: () => Promise<T>): Promise<T> {
  const options = project.dataSource.options
  const asked = performance.now()
  const lock = await dialectFor(options).lockRunner(options, migrationsTableOf(project.dataSource), wait.ms ?? DEFAULT_LOCK_WAIT_MS, wait.onWaiting)
  try {
    if (lock.waited) wait.onWaited?.(performance.now() - asked)
    return await work()
  } finally {
    await lock.release()
  }
}
