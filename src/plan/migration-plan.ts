import type { Warning } from '../hazards/warning'
import type { Statement } from '../dialect/statement'
import type { RenameDecision } from '../diff/rename-types'
import type { Hazard } from '../hazards/hazard'
import type { DownHazard } from '../hazards/down-hazards'
import type { Operation } from '../operations/operation'
import type { MigrationPart } from './migration-part'
import type { MigrationPhase } from './migration-phase'

/**
 * MigrationPlan is one migration as planned, the one shape `generate`, `diff`, `check` and expand/contract
 * share: its name and timestamp, the operations it carries out, the compiled statements both ways, the
 * hazards and warnings a reviewer must read, the renames it carries out, and where it stands in an expand
 * and contract pair or a change cut in parts. Planned, it is `pending` (see pendingPlan) until named.
 */
export interface MigrationPlan {
  /** The user's name for the migration, `[A-Za-z][A-Za-z0-9_]*` (see `toMigrationName`); `Pending` until named. */
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
  /**
   * What may go wrong running `down` once rows are written after `up` (see findDownHazards), not counted: the file
   * comments each above its statement in `down`, and `downgrade` counts them first. None when absent.
   */
  readonly downHazards?: readonly DownHazard[]
  /** Renames carried out (decorator, flag or prompt): each is a RENAME in `up`, keeping the rows. None when absent. */
  readonly renames?: readonly RenameDecision[]
  /** Set on the two migrations of an expand and contract pair: which one this is. */
  readonly phase?: MigrationPhase
  /** Set when one change is written as several migrations cut where a statement must commit first. */
  readonly part?: MigrationPart
  /**
   * Set when the migration runs outside a transaction, as the online forms must (`CREATE INDEX CONCURRENTLY`):
   * its `up` and `down` commit what ran before them, then run each statement on its own.
   */
  readonly outsideTransaction?: true
}

/** PlannedContent is what planning gives a migration; naming it (see namedPlan) makes it a MigrationPlan. */
export type PlannedContent = Omit<MigrationPlan, 'name' | 'timestamp'>

/** pendingPlan is a plan not named yet, as `diff` and `check` show it. */
export function pendingPlan(content: PlannedContent): MigrationPlan {
  return { name: 'Pending', timestamp: 0, ...content }
}

/** namedPlan gives a plan the name and timestamp it is written under. */
export function namedPlan(plan: PlannedContent, name: string, timestamp: number): MigrationPlan {
  return { ...planContent(plan), name, timestamp }
}

/** planContent picks a plan's own fields from `plan` (a Comparison carries more). */
export function planContent(plan: PlannedContent): PlannedContent {
  const { up, upStatements, downStatements, warnings, hazards, downHazards, renames, phase, part, outsideTransaction } = plan
  return {
    up, upStatements, downStatements, warnings,
    ...(hazards !== undefined && { hazards }),
    ...(downHazards !== undefined && { downHazards }),
    ...(renames !== undefined && { renames }),
    ...(phase !== undefined && { phase }),
    ...(part !== undefined && { part }),
    ...(outsideTransaction !== undefined && { outsideTransaction }),
  }
}
