/** ChildTaskKind names a step the benchmark runs in a child process of its own. */
export type ChildTaskKind = 'setup' | 'load' | 'ours' | 'typeorm'

export interface ChildTask {
  readonly kind: ChildTaskKind
  readonly configPath: string
}

/** ChildResult is what a child reports back: its times in milliseconds and its peak memory. */
export interface ChildResult {
  readonly kind: ChildTaskKind
  /** Time of the step's measured work (see the step). */
  readonly ms: number
  /** Time to load the config and the entity files (no metadata built yet) before that work. */
  readonly loadMs: number
  /** Our check only: the part of `ms` TypeORM spent building its entity metadata. */
  readonly metadataMs?: number
  /** TypeORM child only: `dataSource.initialize()`, untimed in the comparison. */
  readonly initializeMs?: number
  /** Changes found: our operations, or TypeORM's up queries. */
  readonly changes?: number
  /** Our up statements (SQL) for those operations. */
  readonly statements?: number
  /** The changes counted by kind: our operation kinds, or the shape of TypeORM's statements. */
  readonly changeKinds?: Readonly<Record<string, number>>
  /** Our catalog queries (`Comparison.queryCount`). */
  readonly catalogQueries?: number
  /** Entity classes loaded (load step) or entity metadata TypeORM built (other steps). */
  readonly entities: number
  /** The first few changes, as text, for the log when something was found where nothing should be. */
  readonly sample: readonly string[]
  /** `process.resourceUsage().maxRSS` at the end, in kilobytes. */
  readonly maxRssKb: number
}
