import { UserError } from './user-error'

/**
 * refuseAll stops on every problem a check found, not on the first, so that one run lists every fix: the one
 * problem's sentence as it is, or of several one line numbering them all.
 */
export function refuseAll(problems: readonly string[]): void {
  if (problems.length === 0) return
  if (problems.length === 1) throw new UserError(problems[0]!)
  throw new UserError(`${problems.length} problems stop this run, fix each: ${problems.map((problem, i) => `(${i + 1}) ${problem}`).join('; ')}`)
}
