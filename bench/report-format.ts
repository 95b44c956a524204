/** formatMs writes a duration for people: `840 ms`, `12.3 s`. */
export function formatMs(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`
  if (ms < 1000) return `${ms.toFixed(0)} ms`
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
}

/** formatRatio writes how many times `slower` took as long as `faster`: `12.4x`. */
export function formatRatio(slower: number, faster: number): string {
  return `${(slower / faster).toFixed(1)}x`
}

export function formatMb(kb: number): string {
  return `${(kb / 1024).toFixed(0)} MB`
}

/** markdownTable lays out rows under a header; the first `leftColumns` columns are left-aligned, the rest right. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], leftColumns = 2): string {
  const align = header.map((_, i) => (i < leftColumns ? ':--' : '--:'))
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}

/** textTable lays out rows in padded columns for the terminal. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], leftColumns = 2): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}
