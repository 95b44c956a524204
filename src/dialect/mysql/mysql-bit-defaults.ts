import { baseOf } from './mysql-types'

/**
 * storedBitDefault is a canonical default of a `bit` column as the server reports it, `b'101'`: the bits of the
 * value without leading zeros. The value is a number, TypeORM's spelling of one (`'5'`: its MySQL driver quotes a
 * number default, which the server reads as the bits of the characters, 48 for '0', which bit(1) refuses), a
 * boolean's 0 or 1, or a bit literal (`b'0101'`). Any other default, and any other column's, is returned as it is.
 */
export function storedBitDefault(canonical: string, type: string): string {
  if (baseOf(type) !== 'bit') return canonical
  const number = /^(?:(\d+)|'(\d+)')$/.exec(canonical)
  const bits = /^b'([01]*)'$/i.exec(canonical)
  const value = number !== null ? BigInt(number[1] ?? number[2]!) : bits !== null ? BigInt(`0b${bits[1] || '0'}`) : undefined
  return value === undefined ? canonical : `b'${value.toString(2)}'`
}
