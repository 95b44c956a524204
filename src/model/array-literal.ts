/**
 * An array value as the model writes it, PostgreSQL's array literal (`{a,"b c",NULL}`), the one dialect with array
 * columns: the canonical text of an array column's default is this literal, quoted.
 */

/** parseArrayLiteral reads a one-dimensional array literal (`{a,"b c",NULL}`); undefined when it is not one. */
export function parseArrayLiteral(text: string): (string | null)[] | undefined {
  const body = /^\s*\{([\s\S]*)\}\s*$/.exec(text)?.[1]
  if (body === undefined) return undefined
  if (body.trim() === '') return []
  const items: (string | null)[] = []
  let i = 0
  while (i <= body.length) {
    while (body[i] === ' ') i++
    if (body[i] === '{') return undefined
    if (body[i] === '"') {
      let value = ''
      i++
      while (i < body.length && body[i] !== '"') {
        if (body[i] === '\\') i++
        value += body[i] ?? ''
        i++
      }
      if (body[i] !== '"') return undefined
      i++
      while (body[i] === ' ') i++
      items.push(value)
    } else {
      const end = body.indexOf(',', i)
      const raw = (end === -1 ? body.slice(i) : body.slice(i, end)).trim()
      if (raw.includes('"') || raw.includes('}')) return undefined
      items.push(/^null$/i.test(raw) ? null : raw)
      i = end === -1 ? body.length : end
    }
    if (i >= body.length) break
    if (body[i] !== ',') return undefined
    i++
  }
  return items
}

/** renderArrayLiteral writes elements the way `array_out` does: quoted only where needed. */
export function renderArrayLiteral(items: readonly (string | null)[]): string {
  const element = (v: string | null) =>
    v === null ? 'NULL'
      : v === '' || /^null$/i.test(v) || /[{}",\\\s]/.test(v) ? `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`
        : v
  return `{${items.map(element).join(',')}}`
}
