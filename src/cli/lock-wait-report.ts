import type { LockWait } from '../runner/runner-lock'
import type { CliOutput } from './cli-output'

/** lockWaitReport is the `--wait-for-lock` of a run, which prints how long another run kept it waiting. */
export function lockWaitReport(args: { readonly waitForLockMs?: number }, output: CliOutput): LockWait {
  return {
    ms: args.waitForLockMs,
    onWaited: (waitedMs) => output.out(`Waited ${(waitedMs / 1000).toFixed(1)} s for another upgrade or downgrade to finish.`),
  }
}
