import type { Statement } from '../dialect/statement'
import type { Hazard } from '../hazards/hazard'
import type { Warning } from '../hazards/warning'
import type { Operation } from '../operations/operation'

/**
 * MigrationPlan is everything the renderers need to write one migration: its name and timestamp, the
 * operations it carries out, the compiled statements both ways, and the warnings a reviewer must read.
 */
export interface MigrationPlan {
  /** The user's name for the migration, `[A-Za-z][A-Za-z0-9_]*` (see `toMigrationName`). */
  readonly name: string
  /** Milliseconds since the epoch; TypeORM reads the last 13 digits of the class name as this. */
  readonly timestamp: number
  /** The operations of `up`, in order. */
  readonly up: readonly Operation[]
  readonly upStatements: readonly Statement[]
  readonly downStatements: readonly Statement[]
  /** Things the reviewer must know about the run (entity parts skipped, migrations not applied), one sentence each, with codes. */
  readonly warnings: readonly Warning[]
  /** What may go wrong running `up` (see src/hazards); the file comments each above its statement. None when absent. */
  readonly hazards?: readonly Hazard[]
  /** Set on the two migrations of an expand and contract pair: which one this is. */
  readonly phase?: MigrationPhase
  /** Set when one change is written as several migrations cut where a statement must commit first. */
  readonly part?: MigrationPart
}

/**
 * MigrationPart says which of the migrations one change was cut into this is: a statement's effect can be
 * used only once its transaction has committed, so the statements using it run in the next migration.
 */
export interface MigrationPart {
  /** 1-based. */
  readonly number: number
  /** The class names of all the parts, in the order they run. */
  readonly classes: readonly string[]
  /** Why the change is cut, one sentence each. */
  readonly reasons: readonly string[]
}

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
