import type { Statement } from '../dialect/statement'
import type { Hazard } from '../hazards/hazard'
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
  /** Things the reviewer must know (entity parts skipped, hazards), one sentence each. */
  readonly warnings: readonly string[]
  /** What may go wrong running `up` (see src/hazards); the file comments each above its statement. None when absent. */
  readonly hazards?: readonly Hazard[]
  /** Set on the two migrations of an expand and contract pair: which one this is. */
  readonly phase?: MigrationPhase
}

/** MigrationPhase says which half of an expand and contract pair a migration is, and what the pair moves. */
export interface MigrationPhase {
  readonly step: 'expand' | 'contract'
  /** The class name of the other migration of the pair. */
  readonly partner: string
  /** What moves, one line each: `column "post"."body" renamed to "content"`. */
  readonly moves: readonly string[]
}
