import { UserError } from '../source/user-error'

/** parseSecondsFlag reads a duration option given in seconds (`--wait-for-lock 30`, `--lock-timeout 0.5`) as milliseconds. */
export function parseSecondsFlag(option: string, value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined
  const text = String(value).trim()
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isFinite(seconds)) throw new UserError(`--${option} ${value} is not a number of seconds: pass e.g. --${option} 30 or --${option} 0.5`)
  return Math.round(seconds * 1000)
}
