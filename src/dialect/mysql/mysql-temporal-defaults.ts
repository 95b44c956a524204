import { quoteLiteral } from '../quote'

const dateTime = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d*))?)?)?$/
const timeOfDay = /^(-?)(\d{1,3}):(\d{1,2})(?::(\d{1,2})(?:\.(\d*))?)?$/

/**
 * storedTemporalDefault is a canonical literal default (`'2020-01-01'`) of a `date`, `datetime`, `timestamp` or
 * `time` column as the server stores it for the column's fractional digits (`precision`): a datetime gets its
 * time, a time its seconds, numbers their leading zeros, the fraction as many digits as the column keeps
 * (`'2020-01-01'` on `datetime(3)` is `'2020-01-01 00:00:00.000'`, `'10:00'` on `time` is `'10:00:00'`). A
 * fraction with more non-zero digits than the column keeps, or a date with a time of day, is left as written:
 * MySQL rounds it and MariaDB truncates it. Any other default is returned as it is.
 */
export function storedTemporalDefault(canonical: string, type: string, precision: number | undefined): string {
  const literal = /^'(.*)'$/s.exec(canonical)?.[1]
  if (literal === undefined) return canonical
  const stored = type === 'date' || type === 'datetime' || type === 'timestamp' ? storedDateTime(literal, type, precision ?? 0)
    : type === 'time' ? storedTime(literal, precision ?? 0) : undefined
  return stored === undefined ? canonical : quoteLiteral(stored)
}

function storedDateTime(text: string, type: string, digits: number): string | undefined {
  const match = dateTime.exec(text)
  if (!match) return undefined
  const [, year, month, day, hours = '0', minutes = '0', seconds = '0', fraction = ''] = match
  const date = `${year}-${two(month!)}-${two(day!)}`
  const time = `${two(hours)}:${two(minutes)}:${two(seconds)}`
  if (type === 'date') return time === '00:00:00' && !/[1-9]/.test(fraction) ? date : undefined
  const kept = fractionOf(fraction, digits)
  return kept === undefined ? undefined : `${date} ${time}${kept}`
}

function storedTime(text: string, digits: number): string | undefined {
  const match = timeOfDay.exec(text)
  if (!match) return undefined
  const [, sign, hours, minutes, seconds = '0', fraction = ''] = match
  const kept = fractionOf(fraction, digits)
  return kept === undefined ? undefined : `${sign}${two(hours!)}:${two(minutes!)}:${two(seconds)}${kept}`
}

/** fractionOf is `.` and the fraction in `digits` digits ('' for none), or undefined where that would drop a non-zero digit. */
function fractionOf(fraction: string, digits: number): string | undefined {
  if (/[1-9]/.test(fraction.slice(digits))) return undefined
  return digits === 0 ? '' : `.${fraction.slice(0, digits).padEnd(digits, '0')}`
}

const two = (digits: string) => digits.padStart(2, '0')
