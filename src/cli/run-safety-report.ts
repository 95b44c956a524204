import type { MigrationTimeouts } from '../dialect/dialect'
import type { RunSafety } from '../runner/run-safety'
import type { CliOutput } from './cli-output'

/** RunSafetyArgs are the options of `upgrade` and `downgrade` that guard the run (README, "Running in production"). */
export interface RunSafetyArgs {
  /** `--wait-for-lock`, in milliseconds. */
  readonly waitForLockMs?: number
  /** `--backup [PATH]`: '' without a PATH. */
  readonly backup?: string
  readonly timeouts?: MigrationTimeouts
}

/**
 * runSafetyReport is the RunSafety of a command's options, printing as the run goes: how long it waited for
 * the lock, where the backup went, and each migration once it is done (`Applied X (0.4 s)`).
 */
export function runSafetyReport(args: RunSafetyArgs, output: CliOutput): RunSafety {
  return {
    lockWait: {
      ms: args.waitForLockMs,
      onWaiting: () => output.out('Waiting for another upgrade, downgrade or stamp to finish...'),
      onWaited: (ms) => output.out(`Waited ${seconds(ms)} for another upgrade, downgrade or stamp to finish.`),
    },
    ...(args.backup !== undefined && {
      backup: {
        path: args.backup,
        onDone: (written) => output.out(written === undefined ? 'No backup: the database has no data yet.' : `Backed up the database to ${written}`),
      },
    }),
    timeouts: args.timeouts,
    onDone: (name, direction, ms) => output.out(`${direction === 'up' ? 'Applied' : 'Reverted'} ${name} (${seconds(ms)})`),
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}
