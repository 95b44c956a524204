import type { ChildResult } from './child-protocol'

/** StepStats summarises the runs of one timed step: median time, peak memory, what it found. */
export interface StepStats {
  readonly medianMs: number
  readonly runsMs: readonly number[]
  /** Largest peak RSS over the runs, in kilobytes. */
  readonly maxRssKb: number
  readonly changes?: number
  readonly catalogQueries?: number
  readonly statements?: number
  readonly changeKinds?: Readonly<Record<string, number>>
  readonly medianLoadMs: number
  readonly medianInitializeMs?: number
  /** Our check: median time TypeORM spent building entity metadata inside it. */
  readonly medianMetadataMs?: number
  /** Median of (time - metadata time), per run. */
  readonly medianWithoutMetadataMs?: number
}

export function stepStats(results: readonly ChildResult[]): StepStats {
  if (results.length === 0) throw new Error('bench: a step has no runs')
  const first = results[0]
  for (const r of results) {
    if (r.changes !== first.changes || r.catalogQueries !== first.catalogQueries) {
      throw new Error(`bench: the ${first.kind} step found different results in different runs (${first.changes} vs ${r.changes} changes)`)
    }
  }
  const metadata = results.flatMap((r) => (r.metadataMs === undefined ? [] : [r.metadataMs]))
  const withoutMetadata = results.flatMap((r) => (r.metadataMs === undefined ? [] : [r.ms - r.metadataMs]))
  const initialize = results.flatMap((r) => (r.initializeMs === undefined ? [] : [r.initializeMs]))
  return {
    medianMs: median(results.map((r) => r.ms)),
    runsMs: results.map((r) => r.ms),
    maxRssKb: Math.max(...results.map((r) => r.maxRssKb)),
    ...(first.changes === undefined ? {} : { changes: first.changes }),
    ...(first.statements === undefined ? {} : { statements: first.statements }),
    ...(first.changeKinds === undefined ? {} : { changeKinds: first.changeKinds }),
    ...(first.catalogQueries === undefined ? {} : { catalogQueries: first.catalogQueries }),
    medianLoadMs: median(results.map((r) => r.loadMs)),
    ...(initialize.length === 0 ? {} : { medianInitializeMs: median(initialize) }),
    ...(metadata.length === 0 ? {} : { medianMetadataMs: median(metadata), medianWithoutMetadataMs: median(withoutMetadata) }),
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
