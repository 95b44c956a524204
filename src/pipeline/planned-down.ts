import type { Statement } from '../dialect/statement'
import { type DownHazard, findDownHazards } from '../hazards/down-hazards'
import type { HazardDialect } from '../hazards/hazard-input'
import { type ChangeSet, reverseChangeSet } from '../plan/change-set'
import { unrestorableDrops } from '../plan/unrestorable'
import { type DownCompiler, compileDown } from './compile-down'

/** PlannedDown is a migration's `down`: its statements, and what may go wrong running them (not counted). */
export interface PlannedDown {
  readonly downStatements: readonly Statement[]
  readonly downHazards: readonly DownHazard[]
}

/**
 * planDown compiles the `down` of `up` (see compileDown), unless the caller compiled it already, and finds its
 * hazards (see findDownHazards).
 */
export function planDown(dialect: DownCompiler & HazardDialect, up: ChangeSet, compiled?: readonly Statement[]): PlannedDown {
  const down = reverseChangeSet(up)
  const downStatements = compiled ?? compileDown(dialect, up, down)
  return { downStatements, downHazards: findDownHazards({ changes: down, statements: downStatements, dialect }, unrestorableDrops(up)) }
}
