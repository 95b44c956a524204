import { UserError } from '../source/user-error'

/** parseStepsFlag reads `--steps`: a whole number of migrations, at least 1. */
export function parseStepsFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const steps = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isSafeInteger(steps) || steps < 1) throw new UserError(`--steps ${value} is not a count of migrations: pass a whole number of at least 1`)
  return steps
}
