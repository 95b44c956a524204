/**
 * MigrationPhase says which half of an expand and contract pair a migration is, and what the pair moves.
 * Expand is written alone; contract later, from the record expand's header carries.
 */
export interface MigrationPhase {
  readonly step: 'expand' | 'contract'
  /** On contract, the class names of the expand migrations it finishes. */
  readonly partners: readonly string[]
  /** What moves, one line each: `column "post"."body" renamed to "content"`. */
  readonly moves: readonly string[]
  /** Written into the header as one line of JSON (see src/pipeline/expand-contract-record.ts), for the contract step to read. */
  readonly record: PhaseRecord
}

/** PhaseRecord is the machine-readable part of a phase: what expand moved, or which expands contract finished. */
export type PhaseRecord =
  | { readonly step: 'expand'; readonly migration: string; readonly moves: readonly RecordedMove[] }
  | { readonly step: 'contract'; readonly migration: string; readonly finishes: readonly string[] }

/** RecordedMove is one column moved by expand: the old column, the column added beside it, and the final name. */
export interface RecordedMove {
  readonly kind: 'rename' | 'type_change'
  readonly table: { readonly schema?: string; readonly name: string }
  readonly oldName: string
  /** The column expand added: the new name (rename) or `<column>__new` (type change). */
  readonly added: string
  /** The column's name once contract ran. */
  readonly name: string
}
