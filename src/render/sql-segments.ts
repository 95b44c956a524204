/**
 * sqlSegments cuts a long CREATE TABLE statement into pieces for reading: the head up to the opening
 * parenthesis, then one piece per column or constraint. The pieces concatenate to exactly `sql`, so the
 * rendered file runs the very statement the compiler produced (a database may keep the text of CREATE TABLE as written).
 * Any other statement, or one the scanner cannot follow, comes back whole.
 */
export function sqlSegments(sql: string, maxLength = 100): string[] {
  if (sql.length <= maxLength || !/^\s*CREATE\s+(TEMP\s+|TEMPORARY\s+|UNLOGGED\s+)?TABLE\b/i.test(sql)) return [sql]
  const cuts = topLevelCuts(sql)
  if (cuts === undefined || cuts.length < 2) return [sql]
  const segments: string[] = []
  let start = 0
  for (const cut of cuts) {
    segments.push(sql.slice(start, cut))
    start = cut
  }
  segments.push(sql.slice(start))
  return segments
}

/**
 * topLevelCuts finds where to cut: after the first `(` and after each `, ` (with its spaces) at depth 1.
 * Quoted text ('...', "...", `...`, [...]) is skipped; comments, dollar quotes and backslashes give up.
 */
function topLevelCuts(sql: string): number[] | undefined {
  if (/--|\/\*|\$|\\/.test(sql)) return undefined
  const cuts: number[] = []
  const closers: Record<string, string> = { "'": "'", '"': '"', '`': '`', '[': ']' }
  let depth = 0
  let i = 0
  while (i < sql.length) {
    const ch = sql[i]
    const closer = closers[ch]
    if (closer !== undefined) {
      const end = sql.indexOf(closer, i + 1)
      if (end < 0) return undefined
      i = end + 1 // a doubled quote is two quoted runs back to back, which is the same cut-wise
      continue
    }
    if (ch === '(') {
      depth++
      if (depth === 1) cuts.push(i + 1)
    } else if (ch === ')') {
      depth--
      if (depth === 0) return cuts // the body ends; what follows stays in the last piece
    } else if (ch === ',' && depth === 1) {
      let next = i + 1
      while (sql[next] === ' ') next++
      cuts.push(next)
    }
    i++
  }
  return undefined
}
