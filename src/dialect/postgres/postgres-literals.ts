/**
 * Canonical text for the literal values PostgreSQL re-prints when it stores a default: array literals
 * (`'{"a", b}'` -> `'{a,b}'`, see src/model/array-literal.ts) and JSON documents (`'{"b": 1, "a": 2}'::jsonb` ->
 * `{"a":2,"b":1}`).
 */

/** canonicalJson re-prints a JSON document compactly; jsonb also sorts keys as jsonb stores them. */
export function canonicalJson(text: string, sortKeys: boolean): string | undefined {
  try {
    return JSON.stringify(sortKeys ? sortJsonb(JSON.parse(text)) : JSON.parse(text))
  } catch {
    return undefined
  }
}

/** jsonb orders object keys by length first, then bytewise. */
function sortJsonb(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortJsonb)
  if (value === null || typeof value !== 'object') return value
  const byteLength = (s: string) => Buffer.byteLength(s)
  const keys = Object.keys(value).sort((a, b) =>
    byteLength(a) - byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)))
  return Object.fromEntries(keys.map((k) => [k, sortJsonb((value as Record<string, unknown>)[k])]))
}
