import type { Probe } from '../dialect/probe'
import type { Operation } from '../operations/operation'
import type { ColumnPlace, HazardCode } from './hazard'

/**
 * HazardFinding is what a rule finds, before the data is measured: the code, the operation, what happens
 * (`what`, without a final period) and what to do instead (`advice`), and the probe whose answer
 * quantifies it. `describeHazard` turns it into a Hazard.
 */
export interface HazardFinding {
  readonly code: HazardCode
  readonly operation: Operation
  readonly what: string
  readonly advice: string
  readonly probe?: Probe
  /** What it concerns where that is more than its operation (a rebuild concerns its whole table), briefly: `"tag"`. */
  readonly subject?: string
  /** The column it concerns where its operation names none (an enum type's change, found once per column using it). */
  readonly column?: ColumnPlace
  /** Shown only where its probe counts at least one row: it is about rows that are rarely there, and not counted, it says nothing. */
  readonly onlyWhenFound?: true
}

/** DescribedFinding is a finding whose operation may be unknown: one read back from a migration file's record (see down-hazard-record). */
export type DescribedFinding = Omit<HazardFinding, 'operation'> & { readonly operation?: Operation }
