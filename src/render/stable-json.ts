import { compareText } from '../model/qualified-name'

const leadingKeys = ['kind', 'schema', 'name']

/**
 * stableData copies plain data with object keys in a fixed order (`kind`, `schema`, `name` first, then the
 * rest sorted), so that JSON of equal data is byte-identical however it was built. Undefined fields drop out.
 */
export function stableData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stableData)
  if (value === null || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort((a, b) => rank(a) - rank(b) || compareText(a, b))
  return Object.fromEntries(keys.map((key) => [key, stableData(record[key])]))
}

function rank(key: string): number {
  const index = leadingKeys.indexOf(key)
  return index < 0 ? leadingKeys.length : index
}
