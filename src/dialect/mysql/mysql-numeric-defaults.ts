import { baseOf, mysqlIntegerTypes } from './mysql-types'

/**
 * storedNumericDefault is a canonical number default (`1.5`) of an integer or `decimal` column as the server
 * stores it: rounded half away from zero to the column's scale (`2` on `int` or `decimal(10,0)`, `1.01` for
 * 1.005 on `decimal(5,2)`), digit for digit. Compared as written, such a default churned on every run: the
 * migration wrote 1.5 and the server kept 2. Any other default is returned as it is.
 */
export function storedNumericDefault(canonical: string, type: string, scale: number | undefined): string {
  const base = baseOf(type)
  const digits = mysqlIntegerTypes.has(base) ? 0 : base === 'decimal' ? scale ?? 0 : undefined
  const number = /^(-?)(\d+)(?:\.(\d+))?$/.exec(canonical)
  if (digits === undefined || number === null) return canonical
  const [, sign, whole, fraction = ''] = number
  if (fraction.length <= digits) return canonical
  const kept = `${whole}${fraction.slice(0, digits)}`
  const rounded = fraction[digits]! >= '5' ? incremented(kept) : kept
  const integer = rounded.slice(0, rounded.length - digits).replace(/^0+(?=\d)/, '') || '0'
  const decimals = rounded.slice(rounded.length - digits).replace(/0+$/, '')
  const body = decimals === '' ? integer : `${integer}.${decimals}`
  return sign === '-' && /[1-9]/.test(body) ? `-${body}` : body
}

/** incremented adds one to a string of decimal digits, however long. */
function incremented(digits: string): string {
  const chars = [...digits]
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] !== '9') {
      chars[i] = String(Number(chars[i]) + 1)
      return chars.join('')
    }
    chars[i] = '0'
  }
  return `1${chars.join('')}`
}
