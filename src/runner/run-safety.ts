import type { BackupRequest } from './backup-before-run'
import type { LockWait } from './runner-lock'

/** RunSafety is what guards an `upgrade` or `downgrade` run beyond its target (README, "Running in production"). */
export interface RunSafety {
  /** How long to wait for another run's migrations lock (see withRunnerLock). */
  readonly lockWait?: LockWait
  /** `upgrade --backup`: back the database up once the lock is held, when there are migrations to run. */
  readonly backup?: BackupRequest
}
