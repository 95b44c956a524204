import { UserError } from '../source/user-error'

/** runnerLockTimeout is the error of a run that did not get the migrations lock within `waitMs` (see Dialect.lockRunner). */
export function runnerLockTimeout(waitMs: number): UserError {
  return new UserError(`another upgrade, downgrade or stamp held the migrations lock for more than ${waitMs / 1000} s: run again when it has finished, or wait longer with --wait-for-lock SECONDS`)
}
