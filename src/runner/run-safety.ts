import type { DataSource } from 'typeorm'
import type { MigrationTimeouts } from '../dialect/dialect'
import type { BackupRequest } from './backup-before-run'
import { type MigrationDone, reportProgress } from './migration-progress'
import { boundMigrations } from './migration-timeouts'
import type { LockWait } from './runner-lock'

/** RunSafety is what guards an `upgrade` or `downgrade` run beyond its target (README, "Running in production"). */
export interface RunSafety {
  /** How long to wait for another run's migrations lock (see withRunnerLock). */
  readonly lockWait?: LockWait
  /** `upgrade --backup`, `downgrade --backup`: back the database up once the lock is held, when there are migrations to run or revert. */
  readonly backup?: BackupRequest
  /** `--lock-timeout`, `--statement-timeout`: the bounds of each migration's statements. */
  readonly timeouts?: MigrationTimeouts
  /** Told each migration once it is done; a failing one then says what it left behind. */
  readonly onDone?: MigrationDone
}

/** guardMigrations applies a RunSafety's timeouts and progress to the migrations of an opened DataSource (see openForMigrations). */
export function guardMigrations(dataSource: DataSource, safety: RunSafety): void {
  if (safety.onDone) reportProgress(dataSource, safety.onDone)
  // After reportProgress: the timeouts are set around the statements it records.
  if (safety.timeouts) boundMigrations(dataSource, safety.timeouts)
}
